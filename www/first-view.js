// The first view's parts that the element builds before its wasm arrives (issue 15):
// the placeholder controls and legend, and the inlined picture as an image address.

import { element } from './dom.js';
import { WORDS } from './words.js';

/** An inlined first-view picture as an image address (no request; CSP `img-src data:`). */
export function svgDataUrl(svg) {
  const copy = svg.cloneNode(true);
  copy.removeAttribute('data-first');
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(copy))}`;
}

/**
 * The controls and the legend as AutonomieChart#updateControls and #updateLegend
 * build them, for `info` (the default view), with the same classes and words, so the
 * same height. A press on a view, currency, scale or series shows at once and goes to
 * `onPress(name, value)` (`series`: `{key, visible}`); the element keeps it.
 */
export function placeholderControls(info, onPress) {
  const ui = WORDS[info.state.lang];
  const controls = element('div', { class: 'atm-controls' });
  const group = (label, name, options) => {
    const box = element('div', { class: 'atm-group atm-segmented', role: 'group', 'aria-label': label });
    for (const option of options) {
      const button = element('button', { type: 'button', 'aria-pressed': String(option.active), 'data-value': option.value }, option.label);
      if (option.name) button.setAttribute('aria-label', option.name);
      button.addEventListener('click', () => {
        for (const other of box.children) other.setAttribute('aria-pressed', String(other === button));
        onPress(name, option.value);
      });
      box.append(button);
    }
    return box;
  };
  const views = group(ui.view, 'view', info.views.map((v) => ({ value: v.id, label: v.label, active: v.active })));
  views.hidden = info.views.length < 2;
  const currencies = group(ui.currency, 'currency', [['EUR', '€'], ['USD', '$']].map(([c, l]) => ({ value: c, label: l, name: ui[`currency${c}`], active: info.state.currency === c })));
  currencies.hidden = info.measure !== 'money';
  const scales = group(ui.scale, 'scale', [['linear', 'Linear'], ['log', 'Log']].map(([s, key]) => ({ value: s, label: ui[`scale${key}`], name: ui[`scale${key}Name`], active: info.state.scale === s })));
  const more = element('button', { type: 'button', class: 'atm-disclosure atm-more-toggle', 'aria-expanded': 'false' }, ui.more);
  const tools = element('div', { class: 'atm-group atm-tools', role: 'group', 'aria-label': ui.download });
  tools.append(element('button', { type: 'button' }, ui.table), ...['PNG', 'SVG', 'CSV'].map((f) => element('button', { type: 'button' }, f)));
  controls.append(views, currencies, scales, more, tools);
  const legend = element('div', { class: 'atm-legend', role: 'group', 'aria-label': ui.series });
  for (const entry of info.legend) {
    const button = element('button', { type: 'button', class: 'atm-series', 'aria-pressed': String(entry.visible), 'data-key': entry.key });
    button.addEventListener('click', () => {
      const visible = button.getAttribute('aria-pressed') !== 'true';
      button.setAttribute('aria-pressed', String(visible));
      onPress('series', { key: entry.key, visible });
    });
    const swatch = element('span', { class: 'atm-swatch', 'aria-hidden': 'true' });
    swatch.style.backgroundColor = entry.color;
    swatch.style.borderColor = entry.color;
    button.append(swatch, entry.label);
    legend.append(button);
  }
  return [controls, legend];
}
