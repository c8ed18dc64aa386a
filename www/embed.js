// embed.html: one chart, full width, for an <iframe>. Its state comes from the URL
// fragment and goes back into it when the reader toggles; the frame tells its parent
// its height so that autonomie-resize.js can fit the iframe to it. embed.html loads
// the element's script after this one (module scripts run in document order), so the
// element starts with the fragment's attributes already set.

import { attributeName, readFragment, stateEntries, writeFragment } from './fragment.js';
import { DEFAULT_LANG, LANGS, STATE_KEYS } from './contract.js';

const chart = document.getElementById('chart');

function applyFragment() {
  const fragment = readFragment();
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
  const fragment = writeFragment(new Map([['chart', event.detail.chart], ...entries]));
  if (fragment !== location.hash) history.replaceState(null, '', fragment || location.pathname);
});

// The frame's height goes to the parent once the chart has started, and at every change
// after: before, the page of embed.html is a title and an empty element, and a frame
// fitted to that would hide the element from the browser's view, which starts it only
// when seen. A page of embed/ shows its chart's picture from the start.
let lastHeight = 0;
const heightWatch = new ResizeObserver(() => {
  // The root's own box, not scrollHeight: that is never less than the frame's current
  // height, so a chart that got shorter could never shrink its frame.
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height !== lastHeight && window.parent !== window) {
    lastHeight = height;
    // Only a number leaves the frame, so any parent may read it.
    window.parent.postMessage({ type: 'autonomie:height', height }, '*');
  }
});
// A page with its chart's picture (embed/) has its height at once: it tells it at once.
if (chart.querySelector('img')) heightWatch.observe(document.documentElement);
else chart.addEventListener('autonomie-ready', () => heightWatch.observe(document.documentElement), { once: true });

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
