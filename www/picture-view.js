// The picture view (issue 20): an <autonomie-chart> whose embed code carries its picture
// (a <picture> or <img> child, written by embed-code.js) shows that picture, in the
// host page's own layout, until its canvas is drawn, and its canvas is that picture
// scaled: the chart keeps the width band of its picture (while the scale stays within
// MIN_SCALE and MAX_SCALE) and is laid out at the band's width, drawn at the element's.
//
// The picture leaves the room of the toolbar blank at its bottom (autonomie-static); the
// toolbar (the chart's ControlsPart) lies over it, sized by the same scale, so nothing
// moves when it comes. The legend, the table, the downloads and the notes and sources
// are in the panel that "Options" opens under the chart. The parts are built here from
// the state's data (autonomie-static's `{state}.json`) before the wasm arrives, answer a
// press at once (the picture of the pressed state), and are the chart's own parts once
// it starts (AutonomieChart's `view` option): only the picture gives way to the canvas,
// and a focused control stays focused.
//
// The element's box keeps the picture's: the canvas's stage takes the picture's display,
// vertical alignment and height, in a box whose font is the host's (so that an inline
// picture's line box is the same before and after).

import { element } from './dom.js';
import { BANDS } from './contract.js';
import { ControlsPart } from './controls.js';
import { LegendPart } from './legend.js';
import { NotesPart } from './notes.js';
import { TablePart } from './table.js';
import { PICTURE_SIZE, interactiveUrl, parsePictureName, stateName } from './embed-code.js';
import { say } from './words.js';

/** A chart keeps its band while its width is between these multiples of the band's. */
const MIN_SCALE = 0.8;
const MAX_SCALE = 1.25;

/** The band of a chart `width` CSS pixels wide. */
export function bandFor(width) {
  return BANDS.reduce((chosen, band) => (width >= band.from ? band : chosen), BANDS[0]);
}

/**
 * The picture of `host`'s embed code, or null: its image, the state, theme and band its
 * file names (the source the browser chose), its height at the band, its directory.
 */
export function embeddedPicture(host) {
  const image = host.querySelector(':scope > picture > img, :scope > img');
  const chart = host.getAttribute('chart');
  if (!image || !chart) return null;
  // The source the browser shows, chosen as it chooses (its current address is not set
  // until it has asked for it): the first whose media matches, else the image.
  const chosen = [...image.parentElement.children].find((s) => s.localName === 'source' && (!s.media || matchMedia(s.media).matches));
  const url = new URL(chosen ? chosen.srcset : image.getAttribute('src') ?? '', document.baseURI).href;
  const named = parsePictureName(url);
  const band = BANDS.find((b) => b.width === named?.band);
  if (!named || !band || !named.chartView.startsWith(`${chart}-`)) return null;
  // Its height at the band's width, from its size attributes (PICTURE_SIZE times it).
  const height = (Number((chosen ?? image).getAttribute('height')) * band.width) / Number((chosen ?? image).getAttribute('width'));
  if (!(height > 0)) return null;
  const state = { chart, view: named.chartView.slice(chart.length + 1), scale: named.scale, currency: named.currency, lang: named.lang };
  return { image, directory: new URL('.', url).href, state, theme: named.theme, band, height };
}

export class PictureView {
  root = element('div', { class: 'atm atm-embed' });
  /** The chart's parts, built here and adopted by the chart. */
  parts;
  /** The picture's box: the picture (through the slot), then the chart's stage. */
  #frame = element('div', { class: 'atm-frame' });
  #slot = element('slot');
  #panel = element('div', { class: 'atm-panel', id: `atm-panel-${Math.random().toString(36).slice(2)}` });
  #picture;
  /** The band the chart is laid out at; whether it is the picture's, and the chart in the picture's state. */
  #band;
  #inBand = true;
  #same = true;
  #width = 0;
  #sizer;
  #stage = null;
  #onPress;
  /** The state's data shown before the chart starts (the last press's). */
  #data = null;

  /**
   * @param {ReturnType<typeof embeddedPicture>} picture
   * @param {(name: string, value: *) => void} onPress a press before the chart starts
   *   (`series`: `{key, visible}`), kept by the element for the chart.
   */
  constructor(picture, onPress) {
    this.#picture = picture;
    this.#band = picture.band;
    this.#onPress = onPress;
    this.root.lang = picture.state.lang;
    this.root.dataset.theme = picture.theme;
    const table = new TablePart();
    const legend = new LegendPart((key) => this.#pressSeries(key));
    const notes = new NotesPart();
    const controls = new ControlsPart(legend.root, table.button, (name, value) => this.#press(name, value));
    this.parts = { controls, legend, table, notes };
    this.#frame.append(this.#slot, controls.root);
    this.#panel.append(legend.root, table.root, notes.root);
    this.root.append(this.#frame, this.#panel);
    this.#size(picture.height);
    this.#sizer = new ResizeObserver((entries) => {
      this.#width = entries[entries.length - 1].contentRect.width;
      this.#scale();
    });
    this.#sizer.observe(this.#frame);
    this.#load(picture.state).then((data) => this.#show(data)).catch(() => {});
  }

  /**
   * Puts the view in `shadow` (the element's shadow root), the picture in its place, and
   * takes the picture's own layout in the host page: an inline image sits on a line of
   * the host's font, a block one does not; the canvas's stage will do the same.
   */
  attach(shadow) {
    shadow.replaceChildren(this.root);
    // The scale at once (one read of the layout), so that the toolbar comes in its place.
    this.#width = this.#frame.getBoundingClientRect().width;
    this.#scale();
    const style = getComputedStyle(this.#picture.image);
    this.#frame.dataset.display = style.display === 'block' ? 'block' : 'inline';
    this.#frame.style.setProperty('--atm-align', style.verticalAlign || 'baseline');
  }

  /** The state of the picture shown (chart, view, scale, currency, lang). */
  get state() {
    return this.#picture.state;
  }

  /** The layout width for a chart `width` CSS pixels wide: its band's, kept while readable. */
  layoutWidth(width) {
    const scale = width / this.#band.width;
    if (scale < MIN_SCALE || scale > MAX_SCALE) {
      this.#band = bandFor(width);
      this.#inBand = false;
    }
    return this.#band.width;
  }

  /**
   * Takes the chart's stage (its canvas), the live region and the chart's press handlers:
   * the parts are the chart's from now on. The stage stays unseen until `drawn`.
   */
  adopt(stage, status, press, toggle) {
    this.parts.controls.onPress = press;
    this.parts.legend.onToggle = toggle;
    this.#stage = stage;
    stage.classList.add('atm-pending');
    this.#frame.prepend(stage);
    this.root.append(status);
  }

  /** After the chart's answer: its state; the picture's height holds while it is the picture's state. */
  follow(state) {
    this.#same = ['view', 'scale', 'currency'].every((key) => state[key] === this.#picture.state[key]) && !state.hidden.length;
  }

  /** The canvas was drawn `cssHeight` CSS pixels high: it takes the picture's place. */
  drawn(cssHeight) {
    if (!this.#stage) return;
    if (this.#slot.isConnected) {
      this.#slot.remove();
      this.#stage.classList.remove('atm-pending');
    }
    const scale = this.#width / this.#band.width || 1;
    // The picture's box while the chart shows the picture's state in its band; then the
    // canvas's own height and the toolbar's.
    this.#size(this.#inBand && this.#same ? this.#picture.height : cssHeight / scale + this.#band.toolbar);
  }

  /**
   * The wasm cannot run here: the picture stays, and in the toolbar's place a line says
   * so in `lang`, with a link to the interactive chart in the release at `base` (nothing
   * moves).
   */
  fail(lang, base, state) {
    this.parts.controls.root.remove();
    this.#panel.remove();
    const link = element('a', { href: interactiveUrl(base, state), target: '_blank', rel: 'noopener' }, say(lang, 'interactiveChart'));
    const line = element('p', { class: 'atm-static' }, `${say(lang, 'notInteractive')} `);
    line.append(link);
    this.#frame.append(line);
  }

  /** Stops observing. */
  destroy() {
    this.#sizer.disconnect();
  }

  /** Sets the box's height (in CSS pixels at the band's width) and the toolbar's place. */
  #size(height) {
    this.#frame.style.setProperty('--atm-h', String(height));
    this.#frame.style.setProperty('--atm-bar', String(this.#band.toolbar));
    this.#frame.dataset.rows = String(this.#band.rows);
  }

  #scale() {
    if (this.#width) this.root.style.setProperty('--atm-s', String(this.#width / this.#band.width));
  }

  /** The data of `state` (autonomie-static's `{state}.json`, next to its pictures). */
  #load(state) {
    return fetch(`${this.#picture.directory}${stateName(state)}.json`, { credentials: 'omit' })
      .then((response) => (response.ok ? response.json() : Promise.reject(new Error(String(response.status)))));
  }

  /** The parts as the state's data says, unless the chart has taken them over. */
  #show(data) {
    if (this.#stage) return;
    const { controls, legend, notes } = this.parts;
    controls.update(data.controls);
    legend.update(data.legend);
    notes.update(data.notes);
    notes.updateSources(data.sources);
    this.#panel.prepend(controls.root.querySelector('.atm-tools'));
    const more = controls.root.querySelector('.atm-more-toggle');
    more?.setAttribute('aria-controls', this.#panel.id);
    this.#data = data;
  }

  /** A press on the toolbar before the chart starts: the picture of the pressed state. */
  #press(name, value) {
    if (name === 'export' || !this.#data) return;
    this.#onPress(name, value);
    const { state: current, defaults, controls } = this.#data;
    const state = { ...current, [name]: value };
    if (name === 'view') {
      state.scale = defaults.views[value]?.scale ?? current.scale;
      // A view that cannot be shown in the reader's currency switches to the other.
      state.currency = defaults.views[value]?.currency?.[current.currency] ?? current.currency;
    }
    const money = Boolean(defaults.views[state.view]?.money);
    if (!money) state.currency = defaults.currency;
    const shown = { ...controls, money, scale: state.scale, currency: state.currency, views: controls.views.map((v) => ({ ...v, active: v.id === state.view })) };
    this.#data = { ...this.#data, state, controls: shown };
    this.parts.controls.update(shown);
    this.#swapTo(state);
  }

  #pressSeries(key) {
    const entry = this.#data?.legend.entries.find((e) => e.key === key);
    if (!entry) return;
    this.#data.legend = { ...this.#data.legend, entries: this.#data.legend.entries.map((e) => (e === entry ? { ...e, visible: !e.visible } : e)) };
    this.parts.legend.update(this.#data.legend);
    this.#onPress('series', { key, visible: !entry.visible });
  }

  /** Shows the picture of `state` in place of the one shown, with its notes and sources. */
  async #swapTo(state) {
    // Its picture asked for now, with its data, not after it.
    const shown = this.#picture.image.currentSrc;
    if (shown) new Image().src = shown.replace(`/${stateName(this.#picture.state)}-`, `/${stateName(state)}-`);
    let data;
    try {
      data = await this.#load(state);
    } catch {
      return;
    }
    if (this.#stage || stateName(this.#data.state) !== stateName(data.state)) return;
    const from = `/${stateName(this.#picture.state)}-`;
    const to = `/${stateName(data.state)}-`;
    for (const node of this.#picture.image.parentElement.querySelectorAll('source, img')) {
      const attribute = node.localName === 'img' ? 'src' : 'srcset';
      const address = node.getAttribute(attribute).replace(from, to);
      const height = data.heights[parsePictureName(address)?.band];
      node.setAttribute(attribute, address);
      if (height) node.setAttribute('height', String(height * PICTURE_SIZE));
    }
    this.#picture = { ...this.#picture, state: data.state, height: data.heights[this.#band.width] ?? this.#picture.height };
    this.#size(this.#picture.height);
    // (A series hidden before shows again here until the chart starts and hides it.)
    this.#data = data;
    this.parts.legend.update(data.legend);
    this.parts.notes.update(data.notes);
    this.parts.notes.updateSources(data.sources);
  }
}
