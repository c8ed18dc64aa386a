// Which palette a chart uses: `light`, `dark` or `auto` (the reader's
// prefers-color-scheme), and `contrast` whenever forced colors (Windows high contrast)
// are active.

const dark = matchMedia('(prefers-color-scheme: dark)');
const forced = matchMedia('(forced-colors: active)');

/** The palette to draw with for the `choice` of an embed (`light`, `dark`, `auto`). */
export function resolveTheme(choice) {
  if (forced.matches) return 'contrast';
  if (choice === 'light' || choice === 'dark') return choice;
  return dark.matches ? 'dark' : 'light';
}

/** Calls `listener` when the reader's colour preferences change; returns the undo. */
export function watchTheme(listener) {
  dark.addEventListener('change', listener);
  forced.addEventListener('change', listener);
  return () => {
    dark.removeEventListener('change', listener);
    forced.removeEventListener('change', listener);
  };
}
