// The first view's parts that the element builds before its wasm arrives (issue 15):
// the placeholder controls, legend, notes and sources, built by the chart's own parts
// (controls.js, legend.js, notes.js) from the chart's first answer, written at build time
// by autonomie-static in the shape the wasm answers; and the inlined picture as an image
// address.

import { ControlsPart } from './controls.js';
import { LegendPart } from './legend.js';
import { NotesPart } from './notes.js';
import { TablePart } from './table.js';

/** An inlined first-view picture as an image address (no request; CSP `img-src data:`). */
export function svgDataUrl(svg) {
  const copy = svg.cloneNode(true);
  copy.removeAttribute('data-first');
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(copy))}`;
}

/**
 * The controls, the legend and the notes of `answer` (the first answer: every part), as
 * the chart builds them, so the same height. A press on a view, currency, scale or series
 * shows at once (the part is updated as the wasm would answer) and goes to
 * `onPress(name, value)` (`series`: `{key, visible}`); the element keeps it.
 * @param {import('./contract.js').Answer} answer
 */
export function placeholderParts(answer, onPress) {
  let { controls, legend: shownLegend } = answer;
  const legend = new LegendPart((key) => {
    const entry = shownLegend.entries.find((e) => e.key === key);
    if (!entry) return;
    shownLegend = { ...shownLegend, entries: shownLegend.entries.map((e) => (e === entry ? { ...e, visible: !e.visible } : e)) };
    legend.update(shownLegend);
    onPress('series', { key, visible: !entry.visible });
  });
  const parts = new ControlsPart(legend.root, new TablePart().button, (name, value) => {
    if (name === 'export') return;
    controls = name === 'view'
      ? { ...controls, views: controls.views.map((v) => ({ ...v, active: v.id === value })) }
      : { ...controls, [name]: value };
    parts.update(controls);
    onPress(name, value);
  });
  parts.update(controls);
  legend.update(shownLegend);
  const notes = new NotesPart();
  notes.update(answer.notes);
  notes.updateSources(answer.sources);
  return { controls: parts.root, legend: legend.root, notes: notes.root };
}
