// The oEmbed `html` of a permalink (issue 21): what WordPress, Ghost and other oEmbed
// consumers put in a post for the link, written into each permalink's static oEmbed JSON
// by scripts/permalinks.mjs. Shaped as WordPress keeps it: a <blockquote
// class="wp-embedded-content"> (the chart's title, linked to the permalink: readable
// where nothing else runs, and the sign for wp-embed.js to resize the frame), then the
// <iframe> of the state's page with only the attributes WordPress keeps (src width height
// title frameborder marginwidth marginheight scrolling). Pure: no DOM.

const escapeHtml = (text) => String(text).replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')
  .replaceAll('"', '&quot;');

/**
 * The oEmbed `html` for the permalink `url` of the chart `title`, framing `src` (the
 * state's iframe page, dist/embed/<state>.html) at `width` × `height` CSS pixels.
 * @param {{url: string, title: string, src: string, width: number, height: number}} options
 */
export function oembedHtml({ url, title, src, width, height }) {
  return [
    `<blockquote class="wp-embedded-content"><a href="${escapeHtml(url)}">${escapeHtml(title)}</a></blockquote>`,
    `<iframe src="${escapeHtml(src)}" width="${Math.round(width)}" height="${Math.round(height)}"`
      + ` title="${escapeHtml(title)}" frameborder="0" marginwidth="0" marginheight="0" scrolling="no"></iframe>`,
  ].join('\n');
}
