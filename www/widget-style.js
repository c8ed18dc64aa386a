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
  color: #1a1a1a;
  background: #ffffff;
  text-align: start;
}
/* Room reserved until the chart starts, so that it can be seen coming (lazy start) and
   the page does not jump when it appears. */
:host { min-height: 1px; }
:host(:not(:state(started))) { min-height: 320px; }
/* The "hidden" attribute lists hidden series; it must not hide the element itself. */
:host([hidden]) { display: block; }
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
.atm { margin: 0; }
.atm-controls { display: flex; flex-wrap: wrap; gap: 0.4rem 1.2rem; margin: 0 0 0.5rem; }
.atm-group { display: flex; flex-wrap: wrap; align-items: center; gap: 4px; }
.atm-group-label { font-size: 0.8rem; color: #545454; margin-right: 2px; }
button {
  font: inherit;
  font-size: 0.875rem;
  line-height: 1.3;
  color: #1a1a1a;
  background: #ffffff;
  border: 1px solid #8a8a8a;
  border-radius: 4px;
  padding: 0.3rem 0.7rem;
  margin: 0;
  cursor: pointer;
  min-height: 32px;
  text-transform: none;
  letter-spacing: normal;
}
button[aria-pressed="true"] { background: #1a1a1a; color: #ffffff; border-color: #1a1a1a; }
button:focus-visible { outline: 3px solid #f0a500; outline-offset: 2px; }
.atm-legend { display: flex; flex-wrap: wrap; gap: 6px; margin: 0 0 0.5rem; }
.atm-series { display: inline-flex; align-items: center; gap: 6px; border-radius: 999px; }
.atm-series[aria-pressed="true"] { background: #ffffff; color: #1a1a1a; border-color: #555555; }
.atm-series[aria-pressed="false"] { color: #545454; text-decoration: line-through; border-style: dashed; }
.atm-swatch { width: 12px; height: 12px; border-radius: 2px; border: 2px solid; display: inline-block; flex: none; }
.atm-series[aria-pressed="false"] .atm-swatch { background-color: transparent !important; }
.atm-stage { position: relative; width: 100%; }
.atm-canvas { display: block; width: 100%; height: 320px; border: 0; margin: 0; padding: 0; }
.atm-error {
  padding: 1rem;
  border: 2px solid #b3261e;
  background: #fdecea;
  color: #5c0f0a;
  border-radius: 4px;
  white-space: pre-wrap;
  overflow-wrap: anywhere;
  font-size: 0.9rem;
}
.atm-notes { font-size: 0.85rem; color: #545454; }
.atm-notes p, .atm-note-list { margin: 0.35rem 0; }
.atm-note-list { padding-left: 1.2rem; }
.atm-notes a { color: #1f5fbf; }
.atm-sources-label { font-weight: 600; }
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
