// When a chart draws: at most once per animation frame (the page's one queue of work,
// frames.js), when its width, its screen's pixel ratio or the reader's colours change,
// or when asked (a dirty canvas). The width comes from a ResizeObserver, so that drawing
// never reads layout.

import { requestFrameWork } from './frames.js';
import { watchTheme } from './theme.js';

export class Redraw {
  #draw;
  #cancel = null;
  #width = 0;
  #drawnWidth = 0;
  #drawnRatio = 0;
  #observer;
  #ratioQuery = null;
  #onRatio = () => this.schedule(true);
  #unwatchTheme;

  /**
   * @param {HTMLElement} stage the box whose width the canvas takes.
   * @param {(cssWidth: number, ratio: number) => boolean} draw draws at that width and
   *   ratio; false when it could not (no chart, an error in its place): tried again next time.
   */
  constructor(stage, draw) {
    this.#draw = draw;
    this.#observer = new ResizeObserver((entries) => {
      this.#width = entries[entries.length - 1].contentRect.width;
      this.schedule(false);
    });
    this.#observer.observe(stage);
    this.#watchRatio();
    this.#unwatchTheme = watchTheme(() => this.schedule(true));
  }

  /** Queues one drawing (`force`: even at the same width and ratio). */
  schedule(force) {
    if (force) this.#drawnWidth = 0;
    if (this.#cancel) return;
    this.#cancel = requestFrameWork(() => {
      this.#cancel = null;
      this.#run();
    });
  }

  /** Stops observing and drops a queued drawing. */
  destroy() {
    this.#cancel?.();
    this.#observer.disconnect();
    this.#ratioQuery?.removeEventListener('change', this.#onRatio);
    this.#unwatchTheme();
  }

  #run() {
    const width = this.#width;
    const ratio = window.devicePixelRatio || 1;
    if (width === 0 || (width === this.#drawnWidth && ratio === this.#drawnRatio)) return;
    if (ratio !== this.#drawnRatio) this.#watchRatio();
    if (!this.#draw(width, ratio)) return;
    this.#drawnWidth = width;
    this.#drawnRatio = ratio;
  }

  #watchRatio() {
    this.#ratioQuery?.removeEventListener('change', this.#onRatio);
    this.#ratioQuery = matchMedia(`(resolution: ${window.devicePixelRatio}dppx)`);
    this.#ratioQuery.addEventListener('change', this.#onRatio);
  }
}
