// Downloads of what a chart shows: PNG (twice the screen size), SVG (vector, drawn by
// the same layout code through plotters' SVG backend) and CSV (the table's data).

import { say } from './words.js';

function today() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function download(blob, name) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/** Saves what `handle` shows in `format` (`png`, `svg`, `csv`), `cssWidth` wide; errors in `lang`. */
export async function exportChart(handle, format, cssWidth, theme, lang) {
  const name = handle.fileName(today(), format);
  switch (format) {
    case 'png': {
      const canvas = document.createElement('canvas');
      handle.drawOn(canvas, cssWidth, 2, theme);
      const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
      if (!blob) throw new Error(say(lang, 'pngFailed'));
      download(blob, name);
      break;
    }
    case 'svg':
      download(new Blob([handle.svg(cssWidth, theme)], { type: 'image/svg+xml' }), name);
      break;
    case 'csv':
      download(new Blob([handle.csv()], { type: 'text/csv;charset=utf-8' }), name);
      break;
    default:
      throw new Error(say(lang, 'unknownFormat', { value: format }));
  }
  return name;
}

/** An SVG element of what `handle` shows, for printing (vector, light theme). */
export function printableSvg(handle, cssWidth) {
  const text = handle.svg(cssWidth, 'light');
  const parsed = new DOMParser().parseFromString(text, 'image/svg+xml');
  const svg = document.importNode(parsed.documentElement, true);
  const width = svg.getAttribute('width');
  const height = svg.getAttribute('height');
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.removeAttribute('width');
  svg.removeAttribute('height');
  svg.setAttribute('aria-hidden', 'true');
  return svg;
}
