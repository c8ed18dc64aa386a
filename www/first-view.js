// The first view (issue 15): the stage of a chart before its wasm arrives, a picture of
// its default view drawn at build time by the same drawing function as the canvas, with
// its placeholder controls, legend, notes and sources, built by the chart's own parts
// (controls.js, legend.js, notes.js) from the chart's first answer, written at build time
// by autonomie-static in the shape the wasm answers. `FirstView` is that stage; the
// canvas's stage (stage.js) takes its place when the chart is drawn.

import { element } from './dom.js';
import { FIRST_VIEW_WIDTHS, NARROW_WIDTH } from './contract.js';
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

/**
 * A first view: `root` holds the picture, shown once the width is known (from a
 * ResizeObserver, which reads no layout of its own) and the placeholder parts are built
 * (from the inlined `<template data-first-view>` or the fetched JSON), unseen until both
 * are there, so that neither moves the other.
 */
export class FirstView {
  root;
  #sizer;
  #dropped = false;

  /**
   * @param {{chart: string, lang: string, theme: string, base: string, inline: DocumentFragment | null}} view
   *   `base` is the address of its files without their ending (`…/valuations-fr`);
   *   `inline`, the page's template of inlined first views, if any.
   * @param {(name: string, value: *) => void} onPress a press on a placeholder control.
   * @param {() => void} onFail the picture or its data could not be had: drop the first view.
   */
  constructor({ chart, lang, theme, base, inline }, onPress, onFail) {
    const first = element('div', { class: 'atm atm-first', 'aria-busy': 'true', 'data-theme': theme });
    this.root = first;
    first.style.visibility = 'hidden';
    // Lazy: a chart far down the page fetches its picture when the reader comes near.
    const image = element('img', { class: 'atm-first-picture', alt: '', decoding: 'async', loading: 'lazy' });
    const shown = { image: false, controls: false };
    const reveal = (part) => {
      shown[part] = true;
      if (shown.image && shown.controls) first.style.visibility = '';
    };
    image.addEventListener('load', () => reveal('image'));
    image.addEventListener('error', onFail);
    first.append(image);
    const inlineInfo = inline?.querySelector(`[data-first-info="${chart}-${lang}"]`)?.textContent;
    const info = inlineInfo
      ? Promise.resolve().then(() => JSON.parse(inlineInfo))
      : fetch(`${base}.json`, { credentials: 'omit' })
        .then((response) => (response.ok ? response.json() : Promise.reject(new Error(String(response.status)))));
    const picture = { bucket: 0, heights: null };
    const sizePicture = () => {
      const height = picture.heights?.[picture.bucket];
      if (!picture.bucket || !height || image.hasAttribute('height')) return;
      image.setAttribute('width', String(picture.bucket));
      image.setAttribute('height', String(height));
    };
    info
      .then((answer) => {
        picture.heights = answer.heights ?? null;
        sizePicture();
        if (this.#dropped) return;
        // The controls and legend above the picture, and the notes and sources under it,
        // as the chart will show them: it starts at its full height, and nothing moves
        // when it is drawn.
        const parts = placeholderParts(answer, onPress);
        first.prepend(parts.controls, parts.legend);
        image.after(parts.notes);
        reveal('controls');
      })
      .catch(() => {
        if (!this.#dropped) onFail();
      });
    this.#sizer = new ResizeObserver((entries) => {
      const width = entries[entries.length - 1].contentRect.width;
      if (!width) return;
      const bucket = width < NARROW_WIDTH ? FIRST_VIEW_WIDTHS[0] : FIRST_VIEW_WIDTHS[1];
      const svg = inline?.querySelector(`svg[data-first="${chart}-${lang}-${theme}-${bucket}"]`);
      const url = svg ? svgDataUrl(svg) : `${base}-${theme}-${bucket}.svg`;
      if (image.getAttribute('src') !== url) {
        picture.bucket = bucket;
        image.removeAttribute('width');
        image.removeAttribute('height');
        // The picture's size is known before it arrives (inlined, or from the JSON): its
        // place is kept at once, and it grows nothing when it comes.
        if (svg) for (const side of ['width', 'height']) image.setAttribute(side, svg.getAttribute(side));
        else sizePicture();
        image.setAttribute('src', url);
      }
    });
    this.#sizer.observe(first);
  }

  /** Keeps `stage` (a chart being built) under the first view, out of the flow, unseen. */
  hold(stage) {
    stage.className = 'atm-pending';
    this.root.append(stage);
  }

  /** Removes the first view; returns the chart's stage it held, if any, now in the flow. */
  drop() {
    this.#dropped = true;
    this.#sizer.disconnect();
    const pending = this.root.querySelector(':scope > .atm-pending');
    this.root.remove();
    if (pending) pending.className = '';
    return pending;
  }
}
