// The widget's own stylesheet, adopted by each <autonomie-chart> shadow root. Kept in
// a module (not a <style> or a style attribute) so that it works under a strict
// style-src CSP and needs no extra request; the host page's CSS cannot reach it.

export const WIDGET_CSS = `
:host {
  all: initial;
  display: block;
  contain: layout style;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Liberation Sans", sans-serif;
  font-size: 16px;
  line-height: 1.5;
  text-align: start;
}
/* Room reserved until the chart starts, so that it can be seen coming (lazy start) and
   the page does not jump when it appears. */
:host { min-height: 1px; }
/* Kept until the chart is drawn (or its error shown), not only until it starts; an
   element with a picture (picture-view.js) has the picture's room instead. */
:host(:not(:state(shown))) { min-height: 320px; }
/* The "hidden" attribute lists hidden series; it must not hide the element itself. */
:host([hidden]) { display: block; }
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }

.atm {
  --ink: #1a1a1a; --muted: #545454; --paper: #ffffff; --line: #8a8a8a; --wash: #f4f6f9;
  --link: #1f5fbf; --pressed-ink: #ffffff; --pressed-paper: #1a1a1a; --focus: #b35c00;
  --error-ink: #5c0f0a; --error-paper: #fdecea; --error-line: #b3261e;
  color: var(--ink);
  background: var(--paper);
  padding: 4px;
}
.atm[data-theme="dark"] {
  --ink: #ebebeb; --muted: #b4b4b4; --paper: #15181c; --line: #8d939b; --wash: #22262c;
  --link: #8cb4ff; --pressed-ink: #15181c; --pressed-paper: #ebebeb; --focus: #ffb454;
  --error-ink: #ffd9d4; --error-paper: #3a1714; --error-line: #ff8a7a;
}
.atm[data-theme="contrast"] {
  --ink: #ffffff; --muted: #ffffff; --paper: #000000; --line: #ffffff; --wash: #000000;
  --link: #9fd0ff; --pressed-ink: #000000; --pressed-paper: #ffffff; --focus: #ffff00;
}
/* The chart is a size container: a narrow chart (a phone, a narrow column) gets compact
   controls whatever the page's width. */
.atm { container: atm / inline-size; }
.atm-controls { display: flex; flex-wrap: wrap; align-items: center; gap: 0.4rem 0.75rem; margin: 0 0 0.5rem; }
.atm-group { display: flex; flex-wrap: wrap; align-items: center; gap: 4px; }
/* Segmented controls: the buttons of one choice joined in a row. */
.atm-segmented { flex-wrap: nowrap; gap: 0; }
.atm-segmented button { border-radius: 0; }
.atm-segmented button + button { margin-inline-start: -1px; }
.atm-segmented button:first-child { border-start-start-radius: 4px; border-end-start-radius: 4px; }
.atm-segmented button:last-child { border-start-end-radius: 4px; border-end-end-radius: 4px; }
.atm-segmented button:focus-visible { position: relative; z-index: 1; }
/* The disclosure buttons exist for narrow charts only. */
.atm-disclosure { display: none; }
.atm-disclosure::after { content: " \\25BE"; }
.atm-disclosure[aria-expanded="true"]::after { content: " \\25B4"; }
button {
  font: inherit;
  font-size: 0.875rem;
  line-height: 1.3;
  color: var(--ink);
  background: var(--paper);
  border: 1px solid var(--line);
  border-radius: 4px;
  padding: 0.3rem 0.7rem;
  margin: 0;
  cursor: pointer;
  min-height: 32px;
  min-width: 32px;
  white-space: nowrap;
  text-transform: none;
  letter-spacing: normal;
}
button[aria-pressed="true"], button[aria-expanded="true"] { background: var(--pressed-paper); color: var(--pressed-ink); border-color: var(--pressed-paper); }
button:focus-visible, .atm-canvas:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
/* A narrow chart (the rules come after the base rules, which they override). */
@container atm (max-width: 559px) {
  .atm-controls { gap: 6px; }
  button { padding: 0.25rem 0.45rem; font-size: 0.8125rem; }
  .atm-disclosure { display: inline-block; }
  .atm-more-toggle[aria-expanded="false"] ~ .atm-tools { display: none; }
  .atm-tools { flex-basis: 100%; }
  .atm-controls:has(.atm-more-toggle[aria-expanded="false"]) + .atm-legend { display: none; }
}
.atm-legend { display: flex; flex-wrap: wrap; gap: 6px; margin: 0 0 0.5rem; }
.atm .atm-series { display: inline-flex; align-items: center; gap: 6px; border-radius: 999px; }
.atm .atm-series[aria-pressed="true"] { background: var(--paper); color: var(--ink); border-color: var(--ink); }
.atm .atm-series[aria-pressed="false"] { color: var(--muted); text-decoration: line-through; border-style: dashed; }
.atm-swatch { width: 12px; height: 12px; border-radius: 2px; border: 2px solid; display: inline-block; flex: none; }
.atm-series[aria-pressed="false"] .atm-swatch { background-color: transparent !important; }
.atm-stage { position: relative; width: 100%; }
/* An embed code's picture, and the chart that takes its place (picture-view.js): the
   picture's box in the host's own layout and font, the toolbar over its blank bottom,
   scaled with it (--atm-s: the chart's width over its band's; --atm-h and --atm-bar:
   the picture's and the toolbar's heights at the band's width). */
:host(:state(picture)) { min-height: 0; font: inherit; line-height: inherit; }
.atm-embed { padding: 0; --u: calc(var(--atm-s, 1) * 1px); }
.atm-frame { position: relative; }
.atm-frame > .atm-stage { height: calc(var(--atm-h) * var(--u)); overflow: hidden; }
.atm-frame[data-display="inline"] > .atm-stage { display: inline-block; vertical-align: var(--atm-align); }
/* The chart is built under its picture, unseen, until its first drawing. */
.atm-pending { position: absolute; top: 0; left: 0; right: 0; visibility: hidden; }
.atm-embed .atm-controls, .atm-panel, .atm-static {
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Liberation Sans", sans-serif;
  font-size: 16px;
  line-height: 1.5;
}
/* The toolbar, and in its place the line of a chart that cannot run, lie over the
   picture's blank bottom. */
.atm-frame > .atm-controls, .atm-static {
  position: absolute; left: 0; right: 0; margin: 0; overflow: hidden;
  top: calc((var(--atm-h) - var(--atm-bar)) * var(--u));
  height: calc(var(--atm-bar) * var(--u));
  padding: calc(6 * var(--u));
}
.atm-frame > .atm-controls {
  align-content: flex-start;
  gap: calc(6 * var(--u));
  font-size: calc(13 * var(--u));
}
.atm-frame[data-rows="1"] > .atm-controls { font-size: calc(14 * var(--u)); flex-wrap: nowrap; }
.atm-frame[data-rows="2"] > .atm-controls > :first-child { flex-basis: 100%; }
.atm-frame > .atm-controls button {
  font-size: inherit; line-height: 1.2; height: calc(32 * var(--u)); min-height: 0; min-width: calc(32 * var(--u));
  padding: 0 0.55em; display: inline-flex; align-items: center; justify-content: center; gap: 0.3em;
}
.atm-embed .atm-disclosure { display: inline-block; }
.atm-embed:not(:has(.atm-more-toggle[aria-expanded="true"])) .atm-panel { display: none; }
.atm-panel { padding: 8px 0 0; }
.atm-panel .atm-tools { margin: 0 0 8px; }
.atm-static { font-size: calc(12 * var(--u)); line-height: 1.4; color: var(--muted); }
.atm-static a { color: var(--link); }
.atm-canvas { display: block; width: 100%; height: 320px; border: 0; margin: 0; padding: 0; touch-action: pan-y; }
.atm-print { display: none; }
.atm-ring { position: absolute; pointer-events: none; border: 2px solid var(--focus); border-radius: 3px; }
.atm-tooltip {
  position: absolute;
  z-index: 2;
  max-width: min(320px, 90%);
  padding: 0.45rem 0.6rem;
  font-size: 0.8rem;
  line-height: 1.35;
  color: var(--ink);
  background: var(--paper);
  border: 1px solid var(--line);
  border-radius: 4px;
  box-shadow: 0 2px 8px rgba(0, 0, 0, 0.25);
  pointer-events: none;
}
.atm-tooltip > * { display: block; }
/* Texts from data never reorder their neighbours (right-to-left text, bidi overrides). */
.atm-legend button, .atm-table th, .atm-table td, .atm-notes li, .atm-tooltip > * { unicode-bidi: isolate; }
.atm-tooltip-value { font-weight: 600; }
.atm-tooltip-source { color: var(--muted); margin-top: 0.2rem; }
.atm-error {
  padding: 1rem;
  border: 2px solid var(--error-line);
  background: var(--error-paper);
  color: var(--error-ink);
  border-radius: 4px;
  white-space: pre-wrap;
  overflow-wrap: anywhere;
  font-size: 0.9rem;
}
.atm-visually-hidden {
  position: absolute !important;
  width: 1px; height: 1px;
  margin: -1px; padding: 0; border: 0;
  overflow: hidden;
  clip: rect(0 0 0 0);
  clip-path: inset(50%);
  white-space: nowrap;
}
.atm-table { overflow-x: auto; margin: 0.5rem 0; }
.atm-table table { border-collapse: collapse; font-size: 0.8rem; width: 100%; }
.atm-table caption { text-align: start; font-weight: 600; margin-bottom: 0.3rem; }
.atm-table th, .atm-table td { border-bottom: 1px solid var(--line); padding: 0.25rem 0.5rem; text-align: start; vertical-align: top; }
.atm-table thead th { background: var(--wash); }
.atm-notes { font-size: 0.85rem; color: var(--muted); }
.atm-notes p, .atm-note-list { margin: 0.35rem 0; }
.atm-note-list { padding-left: 1.2rem; }
.atm-notes a { color: var(--link); }
.atm-notes details { margin: 0.35rem 0; }
.atm-notes summary { cursor: pointer; font-weight: 600; min-height: 24px; }
.atm-notes details p { margin: 0.25rem 0 0; }
.atm-source-list { margin: 0.25rem 0 0; padding-left: 1.2rem; }

@media (forced-colors: active) {
  button { forced-color-adjust: none; color: ButtonText; background: ButtonFace; border: 1px solid ButtonText; }
  button[aria-pressed="true"], button[aria-expanded="true"] { color: HighlightText; background: Highlight; border: 2px solid ButtonText; }
  .atm-swatch { forced-color-adjust: none; }
  .atm-ring { border-color: Highlight; }
}
@media (prefers-reduced-motion: reduce) {
  * { transition: none !important; animation: none !important; }
}
@media print {
  .atm { background: #ffffff; color: #000000; }
  .atm-controls, .atm-legend, .atm-tooltip, .atm-ring, .atm-canvas { display: none !important; }
  .atm-print { display: block; }
  .atm-print svg { display: block; width: 100%; height: auto; }
  /* The printed drawing carries the notes, the rates and every source. */
  .atm-notes { display: none !important; }
}
`;

let sheet = null;

/** The shared constructed stylesheet (one per page). */
export function widgetSheet() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(WIDGET_CSS);
  }
  return sheet;
}
