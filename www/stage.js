// The chart's stage: the canvas (or, in its place, the message of an error), the SVG
// printed instead of the canvas, and what a screen reader reads of the canvas (its
// accessible name and its description, from an answer's `reading` part).

import { element, setText, uniqueId } from './dom.js';
import { say } from './words.js';

export class StagePart {
  root = element('div', { class: 'atm-stage' });
  description = element('p', { class: 'atm-description atm-visually-hidden', id: uniqueId('atm-description') });
  canvas = element('canvas', { class: 'atm-canvas', role: 'img', 'aria-describedby': this.description.id });
  #error = element('div', { class: 'atm-error', role: 'alert', hidden: '' });
  #print = element('div', { class: 'atm-print', 'aria-hidden': 'true' });
  /** The chart's title in the language of the last reading. */
  title = '';

  constructor() {
    this.root.append(this.canvas, this.#error, this.#print);
  }

  /** Whether the canvas is shown (not an error in its place). */
  get shown() {
    return !this.canvas.hidden;
  }

  /** The canvas's name and description from `reading` (an answer's `Reading`). */
  update(reading) {
    this.title = reading.title;
    setText(this.canvas, 'aria-label', reading.label);
    this.description.textContent = reading.description;
  }

  /** The canvas back in place of an error. */
  recover() {
    this.#error.hidden = true;
    this.canvas.hidden = false;
  }

  /** `message` in place of the canvas, after the words "This chart cannot be shown" in `lang`. */
  fail(message, lang) {
    this.#error.replaceChildren(element('strong', {}, say(lang, 'error')), ' ', message);
    this.#error.hidden = false;
    this.canvas.hidden = true;
  }

  /** The canvas's CSS height (its backing store is sized by the wasm). */
  setHeight(cssHeight) {
    this.canvas.style.height = `${cssHeight}px`;
  }

  /** `svg` in place of the canvas when printing. */
  setPrintable(svg) {
    this.#print.replaceChildren(svg);
  }
}
