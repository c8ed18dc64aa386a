// The `html` of a permalink's oEmbed answer (scripts/permalinks.mjs writes the JSON): the
// code a consumer of the link (WordPress, Ghost, Notion, an unfurler) puts in its page.
//
// Its shape is the one WordPress keeps. WordPress (6.1, `wp_filter_oembed_result`) keeps
// only an optional `<blockquote>` first, whose text and `<a href>` survive, and the first
// `<iframe>`, with only `src width height frameborder marginwidth marginheight scrolling
// title`; it drops the rest (`style`, `allow`, `loading`, a class, a script), adds
// `sandbox="allow-scripts"` and a secret after the `src` (`#?secret=…`, after any fragment
// already there). Only when the code starts with the blockquote does it hide the frame
// until the frame's page tells its height (`{message: 'height', value, secret}`, which
// www/embed.js sends), then hide the blockquote and fit the frame (200 to 1000 px); without
// it, the frame keeps its `height` for ever. So: the blockquote first, the chart's title
// linked to its permalink (readable where no frame runs), then the frame of the state's
// iframe page, sandboxed as WordPress will sandbox it, so that every consumer shows the
// same thing. tests/e2e/wordpress.test.mjs runs it as WordPress filters and shows it.

/** Text for HTML, in an element or in a quoted attribute. */
function escapeHtml(text) {
  return String(text)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** An absolute http(s) address, as text; throws on anything else. */
function webAddress(text, name) {
  let url = null;
  try {
    url = new URL(text);
  } catch {
    // Not an address: refused below.
  }
  if (!url || !/^https?:$/.test(url.protocol)) throw new Error(`oembedHtml: ${name} must be an absolute http(s) address, not ${JSON.stringify(text)}`);
  return String(text);
}

/** A size in CSS pixels, a positive whole number; throws on anything else. */
function pixels(value, name) {
  const size = Math.ceil(Number(value));
  if (!Number.isFinite(size) || size <= 0) throw new Error(`oembedHtml: ${name} must be a positive number of pixels, not ${JSON.stringify(value)}`);
  return size;
}

/**
 * The oEmbed `html` of a chart's permalink: a `<blockquote class="wp-embedded-content">`
 * with `title` linked to `url` (the permalink), then the `<iframe>` of `src` (the state's
 * iframe page, `…/embed/<chart>-<view>-<scale>-<currency>-<lang>.html`, maybe with a
 * fragment), `width` × `height` CSS pixels.
 *
 * @param {{ url: string, title: string, src: string, width: number, height: number }} embed
 * @returns {string}
 */
export function oembedHtml({ url, title, src, width, height }) {
  const text = escapeHtml(title);
  const link = escapeHtml(webAddress(url, 'url'));
  const frame = escapeHtml(webAddress(src, 'src'));
  return `<blockquote class="wp-embedded-content"><a href="${link}">${text}</a></blockquote>\n`
    + `<iframe class="wp-embedded-content" sandbox="allow-scripts" security="restricted" src="${frame}"`
    + ` width="${pixels(width, 'width')}" height="${pixels(height, 'height')}" title="${text}"`
    + ' frameborder="0" marginwidth="0" marginheight="0" scrolling="no"></iframe>';
}
