// embed.html: one chart, full width, for an <iframe>. Its state comes from the URL
// fragment and goes back into it when the reader toggles; the frame tells its parent
// its height so that autonomie-resize.js can fit the iframe to it. embed.html loads
// the element's script after this one (module scripts run in document order), so the
// element starts with the fragment's attributes already set.
//
// Embedded by WordPress (a permalink pasted in a post; its oEmbed code, www/oembed.js),
// the frame is sandboxed without `allow-same-origin`: its origin is opaque, every file it
// loads is cross-origin (the release is served with CORS), storage and cookies throw, and
// rewriting its address may throw. Its address carries WordPress's secret after any
// state (`#hidden=openai#?secret=…`), which is not state; the frame tells its height in
// WordPress's form too, with that secret (see below).

import { attributeName, readFragment, splitSecret, stateEntries, writeFragment } from './fragment.js';
import { DEFAULT_LANG, LANGS, STATE_KEYS } from './contract.js';

const chart = document.getElementById('chart');

// The frame's height goes to the parent once the chart has started, and at every change
// after: before, the page of embed.html is a title and an empty element, and a frame
// fitted to that would hide the element from the browser's view, which starts it only
// when seen. A page of embed/ shows its chart's picture from the start, and tells at once.
//
// It goes in two forms: the project's own, `{type: 'autonomie:height', height}`
// (autonomie-resize.js), and WordPress's, `{message: 'height', value, secret}`, once the
// address carries a secret: WordPress's host script (wp-embed.js) keeps the frame hidden
// and its fallback link shown until that message comes, then sets the frame's height
// (within 200 and 1000 px); it may ask again, with `{message: 'ready', secret}`. A hidden
// frame of another origin is not rendered (no animation frame, no resize observed), so
// WordPress's first one is measured and sent at once, not by the observer: the picture
// of a page of embed/ has its size before it loads, and WordPress never makes a frame
// smaller than 200 px, in which the chart is seen and starts.
// Only a number (and the secret the parent gave) leaves the frame, so any parent may read it.
let height = 0;
/** WordPress's secret, from the address (fragment.js's splitSecret); null without one. */
let secret = null;

const measure = () => Math.ceil(document.documentElement.getBoundingClientRect().height);

function tellWordPress(value = measure()) {
  if (secret && window.parent !== window) window.parent.postMessage({ message: 'height', value, secret }, '*');
}

const heightWatch = new ResizeObserver(() => {
  // The root's own box, not scrollHeight: that is never less than the frame's current
  // height, so a chart that got shorter could never shrink its frame.
  const now = measure();
  if (now === height || window.parent === window) return;
  height = now;
  window.parent.postMessage({ type: 'autonomie:height', height }, '*');
  tellWordPress(height);
});
// A page with its chart's picture (embed/) has its height at once: it tells it at once.
if (chart.querySelector('img')) heightWatch.observe(document.documentElement);
else chart.addEventListener('autonomie-ready', () => heightWatch.observe(document.documentElement), { once: true });

window.addEventListener('message', (event) => {
  const data = event.data;
  if (event.source !== window.parent || !secret || data?.secret !== secret) return;
  if (data.message === 'ready') tellWordPress();
});
window.addEventListener('load', () => tellWordPress());

function applyFragment() {
  const { state, secret: given } = splitSecret(location.hash);
  const fragment = readFragment(state);
  for (const name of ['chart', ...STATE_KEYS]) {
    const value = fragment.get(name);
    if (value !== undefined) chart.setAttribute(attributeName(name), value);
    else if (name === 'hidden') chart.removeAttribute(attributeName(name));
  }
  if (!chart.hasAttribute('lang')) {
    // The reader's language when the chart speaks it, else the default.
    const reader = (navigator.language || '').toLowerCase();
    chart.setAttribute('lang', LANGS.find((code) => reader === code || reader.startsWith(`${code}-`)) ?? DEFAULT_LANG);
  }
  document.documentElement.lang = chart.getAttribute('lang');
  if (given && given !== secret) {
    // At once (see above); and a secret added later too (wp-embed.js adds one to a
    // frame that has none).
    secret = given;
    tellWordPress();
  }
}

applyFragment();
window.addEventListener('hashchange', applyFragment);
function showTitle() {
  const title = chart.chartTitle?.();
  if (title) {
    document.getElementById('title').textContent = title;
    document.title = `${title} · Autonomie`;
  }
}
chart.addEventListener('autonomie-ready', showTitle);
chart.addEventListener('autonomie-change', showTitle);
chart.addEventListener('autonomie-change', (event) => {
  const entries = stateEntries(event.detail);
  entries.delete('chart');
  // The secret stays in the address, after the state, where WordPress put it.
  const fragment = writeFragment(new Map([['chart', event.detail.chart], ...entries])) + (secret ? `#?secret=${secret}` : '');
  if (fragment === location.hash) return;
  try {
    history.replaceState(null, '', fragment || location.pathname);
  } catch {
    // A sandboxed frame may not be allowed to rewrite its address (an opaque origin, in
    // some browsers): the chart keeps its state; the address keeps the one it was given.
  }
});

/* global AUTONOMIE_ELEMENT_SCRIPT */
// A page of embed/ (the release's iframe pages, scripts/embed-pages.mjs) names no element
// script: this one asks for it once the chart's picture is on screen, so that the picture
// has the line to itself and is painted before the script runs (the bundle knows the
// element's hashed name and SRI hash).
const ELEMENT = typeof AUTONOMIE_ELEMENT_SCRIPT === 'object' ? AUTONOMIE_ELEMENT_SCRIPT : null;
const picture = chart.querySelector('img');
if (ELEMENT && picture && !document.querySelector('script[src*="autonomie-chart"]')) {
  const load = () => {
    const script = document.createElement('script');
    script.type = 'module';
    script.src = new URL(ELEMENT.file, import.meta.url).href;
    script.integrity = ELEMENT.integrity;
    script.crossOrigin = 'anonymous';
    document.head.append(script);
  };
  picture.decode().catch(() => {}).then(() => requestAnimationFrame(() => setTimeout(load)));
}
