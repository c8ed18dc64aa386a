// Reading a chart item by item: a tooltip for the item under the mouse, under a finger
// or at the keyboard focus, and a highlight box around it. Finding the item is the
// wasm side's job (WasmChart.itemAt in wasm.js, from the last drawing's own layout); this module
// only places HTML over the canvas.

import { element } from './dom.js';
import { WORDS } from './words.js';

export class ItemReader {
  #handle;
  #canvas;
  #stage;
  #tooltip;
  #ring;
  #current = -1;
  #listeners = [];

  /**
   * @param {HTMLCanvasElement} canvas the chart's canvas, inside `stage`.
   * @param {HTMLElement} stage a positioned box around the canvas.
   * @param {() => import('./wasm.js').WasmChart | null} handle the wasm chart (read at each use).
   */
  constructor(canvas, stage, handle) {
    this.#canvas = canvas;
    this.#stage = stage;
    this.#handle = handle;
    this.#tooltip = element('div', { class: 'atm-tooltip', role: 'status', 'aria-live': 'polite', hidden: '' });
    this.#ring = element('div', { class: 'atm-ring', 'aria-hidden': 'true', hidden: '' });
    stage.append(this.#ring, this.#tooltip);
    canvas.tabIndex = 0;
    this.#on(canvas, 'pointermove', (event) => {
      if (event.pointerType === 'mouse') this.#pointAt(event);
    });
    this.#on(canvas, 'pointerdown', (event) => this.#pointAt(event));
    this.#on(canvas, 'pointerleave', (event) => {
      if (event.pointerType === 'mouse') this.hide();
    });
    this.#on(canvas, 'keydown', (event) => this.#key(event));
    this.#on(canvas, 'blur', () => this.hide());
    this.#on(document, 'pointerdown', (event) => {
      if (!event.composedPath().includes(this.#stage)) this.hide();
    });
    this.#on(document, 'keydown', (event) => {
      if (event.key === 'Escape') this.hide();
    });
  }

  /** Removes every listener. */
  destroy() {
    for (const [target, type, listener] of this.#listeners) target.removeEventListener(type, listener);
    this.#listeners = [];
  }

  /** Hides the tooltip and the highlight. */
  hide() {
    this.#current = -1;
    this.#tooltip.hidden = true;
    this.#ring.hidden = true;
  }

  /** Shows item `index` again after a redraw, if one is shown. */
  refresh() {
    if (this.#current >= 0) this.show(this.#current);
  }

  /** Shows the tooltip and highlight of item `index`. */
  show(index) {
    const handle = this.#handle();
    const item = handle?.item(index);
    if (!item) {
      this.hide();
      return;
    }
    this.#current = index;
    const words = WORDS[item.lang];
    // Texts from data sit in <bdi>, so that a right-to-left label or a stray
    // bidirectional override cannot reorder the words around it.
    const heading = element('strong');
    heading.append(element('bdi', {}, item.label));
    if (item.group) heading.append(' · ', element('bdi', {}, item.group));
    const lines = [heading];
    const value = item.published ? `${item.value} (${words.published} ${item.published})` : item.value;
    lines.push(element('span', { class: 'atm-tooltip-value' }, `${value} · ${item.date}`));
    if (item.basis) lines.push(element('span', {}, item.basis));
    if (item.weak) lines.push(element('span', {}, item.weak));
    if (item.unconverted) lines.push(element('span', {}, item.unconverted));
    if (item.note) lines.push(element('span', {}, item.note));
    if (item.parts) lines.push(element('span', {}, `${words.parts} ${item.parts}`));
    // Every source of the figure, the strongest first, each with its kind.
    for (const each of item.sources) {
      const source = element('span', { class: 'atm-tooltip-source' }, `${words.source} `);
      source.append(element('bdi', {}, each.publisher), ` (${each.kind}), `, element('bdi', {}, each.title), ` (${each.date})`);
      lines.push(source);
    }
    this.#tooltip.replaceChildren(...lines);
    this.#tooltip.hidden = false;
    this.#place(item.rect);
  }

  #on(target, type, listener) {
    target.addEventListener(type, listener);
    this.#listeners.push([target, type, listener]);
  }

  #pointAt(event) {
    const handle = this.#handle();
    if (!handle) return;
    const box = this.#canvas.getBoundingClientRect();
    const index = handle.itemAt(event.clientX - box.left, event.clientY - box.top);
    if (index === undefined || index === null) {
      this.hide();
    } else if (index !== this.#current) {
      this.show(index);
    }
  }

  #key(event) {
    const handle = this.#handle();
    const count = handle?.itemCount() ?? 0;
    if (count === 0) return;
    let next = null;
    switch (event.key) {
      case 'ArrowRight':
      case 'ArrowDown':
        next = this.#current < 0 ? 0 : Math.min(count - 1, this.#current + 1);
        break;
      case 'ArrowLeft':
      case 'ArrowUp':
        next = this.#current < 0 ? 0 : Math.max(0, this.#current - 1);
        break;
      case 'Home': next = 0; break;
      case 'End': next = count - 1; break;
      case 'Escape': this.hide(); return;
      default: return;
    }
    event.preventDefault();
    this.show(next);
  }

  /** Puts the highlight on the item and the tooltip next to it, inside the stage. */
  #place(rect) {
    if (!rect) return;
    const scale = this.#canvas.clientWidth / this.#canvas.width;
    const [x0, y0, x1, y1] = rect.map((v) => v * scale);
    const ring = this.#ring.style;
    ring.left = `${x0 - 3}px`;
    ring.top = `${y0 - 3}px`;
    ring.width = `${x1 - x0 + 6}px`;
    ring.height = `${y1 - y0 + 6}px`;
    this.#ring.hidden = false;
    const width = this.#stage.clientWidth;
    const height = this.#stage.clientHeight;
    const tip = this.#tooltip;
    const tipWidth = tip.offsetWidth;
    const tipHeight = tip.offsetHeight;
    let left = Math.min(x1 + 10, width - tipWidth - 4);
    if (left < x1 + 10 && x0 - tipWidth - 10 >= 4) left = x0 - tipWidth - 10;
    let top = y0 - 6;
    if (top + tipHeight > height - 4) top = Math.max(4, height - tipHeight - 4);
    if (left < 4) {
      left = 4;
      top = y1 + 8 + tipHeight <= height ? y1 + 8 : Math.max(4, y0 - tipHeight - 8);
    }
    tip.style.left = `${Math.max(4, left)}px`;
    tip.style.top = `${Math.max(4, top)}px`;
  }
}
