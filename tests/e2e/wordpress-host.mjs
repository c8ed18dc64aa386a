// WordPress, as far as an embedded Autonomie chart meets it, for the tests: what
// WordPress 6.1 does to a provider's oEmbed `html` (`wp_filter_oembed_result` in
// wp-includes/embed.php, with the `wp_kses` it calls), and the message protocol of its
// host script (wp-includes/js/wp-embed.js), reproduced in our own words (WordPress's
// own copy is not needed, and PHP is not on the machine).

/** What `wp_kses` keeps of the oEmbed html: these elements, with these attributes. */
const KEPT = {
  a: ['href'],
  blockquote: [],
  iframe: ['src', 'width', 'height', 'frameborder', 'marginwidth', 'marginheight', 'scrolling', 'title'],
};

/** `wp_kses` over `html`, as far as the oEmbed filter needs: tags not `allowed` are taken
 * out (their text stays), attributes not allowed dropped, addresses that are not http(s)
 * dropped; each kept tag written again with double quotes. */
function kses(html, allowed) {
  return html.replace(/<(\/?)([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>/g, (whole, closing, tag, rest) => {
    const name = tag.toLowerCase();
    if (!(name in allowed)) return '';
    if (closing) return `</${name}>`;
    const attributes = [];
    for (const [, attribute, , , double, single, bare] of rest.matchAll(/([a-zA-Z-]+)(\s*=\s*("([^"]*)"|'([^']*)'|([^\s"']+)))?/g)) {
      const key = attribute.toLowerCase();
      const value = double ?? single ?? bare ?? '';
      if (!allowed[name].includes(key)) continue;
      if ((key === 'href' || key === 'src') && /^\s*[a-z][a-z0-9+.-]*:/i.test(value) && !/^\s*https?:/i.test(value)) continue;
      attributes.push(` ${key}="${value.replaceAll('"', '&quot;')}"`);
    }
    return `<${name}${attributes.join('')}>`;
  });
}

/**
 * The oEmbed `html` as WordPress 6.1 puts it in a post (`wp_filter_oembed_result`), with
 * `secret` (WordPress makes ten random letters and digits): kses; the blockquote, if the
 * html starts with one, and the first iframe, nothing else; the secret after the frame's
 * `src` and in `data-secret`; with a blockquote, the frame hidden until it answers; the
 * frame sandboxed. `false` when there is no iframe (WordPress then shows a bare link).
 */
export function wordpressFilter(html, secret) {
  let kept = kses(html, KEPT);
  const content = /(<blockquote>.*?<\/blockquote>)?.*(<iframe.*?><\/iframe>)/s.exec(kept);
  if (!content?.[2]) return false;
  kept = (content[1] ?? '') + content[2];
  const source = / src=(['"])(.*?)\1/.exec(kept);
  if (source) {
    const q = source[1];
    kept = kept.replace(source[0], ` src=${q}${source[2]}#?secret=${secret}${q} data-secret=${q}${secret}${q}`);
    kept = kept.replace('<blockquote', `<blockquote data-secret="${secret}"`);
  }
  kept = kses(kept, { ...KEPT, blockquote: ['data-secret'], iframe: [...KEPT.iframe, 'data-secret'] });
  if (content[1]) {
    kept = kept.replace('<iframe', '<iframe style="position: absolute; clip: rect(1px, 1px, 1px, 1px);"');
    kept = kept.replace('<blockquote', '<blockquote class="wp-embedded-content"');
  }
  return kept.replace(/<iframe/gi, '<iframe class="wp-embedded-content" sandbox="allow-scripts" security="restricted"');
}

/**
 * The host side of WordPress's embeds (wp-embed.js), as a script for a host page: a
 * message whose secret is letters and digits hides the blockquotes of that secret, and,
 * from the frame of that secret it names, shows the frame (its hiding style removed) and
 * on `{message: 'height', value}` sets its height, within 200 and 1000 px. When the page
 * is parsed, each `iframe.wp-embedded-content` gets a secret if it has none, and is told
 * `{message: 'ready', secret}`. Every message the page receives is kept in
 * `window.__messages`, for the tests.
 */
export const WP_EMBED_PROTOCOL = `
window.__messages = [];
window.addEventListener('message', function (event) {
  var data = event.data;
  window.__messages.push(data);
  if (!data || !(data.secret || data.message || data.value) || /[^a-zA-Z0-9]/.test(data.secret)) return;
  document.querySelectorAll('blockquote[data-secret="' + data.secret + '"]').forEach(function (quote) { quote.style.display = 'none'; });
  document.querySelectorAll('iframe[data-secret="' + data.secret + '"]').forEach(function (frame) {
    if (event.source !== frame.contentWindow) return;
    frame.removeAttribute('style');
    if (data.message === 'height') {
      var height = parseInt(data.value, 10);
      if (height > 1000) height = 1000; else if (~~height < 200) height = 200;
      frame.height = height;
    }
  });
});
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('iframe.wp-embedded-content').forEach(function (frame) {
    var secret = frame.getAttribute('data-secret');
    if (!secret) {
      secret = Math.random().toString(36).substring(2, 12);
      frame.src += '#?secret=' + secret;
      frame.setAttribute('data-secret', secret);
    }
    frame.contentWindow.postMessage({ message: 'ready', secret: secret }, '*');
  });
});
`;

/** A WordPress post around `embeds` (filtered oEmbed html), as a block theme writes one. */
export function wordpressPost(embeds, lang = 'fr') {
  const figures = embeds.map((html) => `<figure class="wp-block-embed is-type-rich is-provider-autonomie wp-block-embed-autonomie"><div class="wp-block-embed__wrapper">
${html}
</div></figure>`).join('\n<p>Entre les deux graphiques, un paragraphe.</p>\n');
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Un article</title><link rel="icon" href="data:,">
<style>body { margin: 0 auto; max-width: 680px; padding: 8px; font: 17px/1.6 Georgia, serif; } figure { margin: 0 0 24px; }</style></head>
<body><article class="entry-content"><h1>Un article</h1><p>Avant le graphique, un paragraphe.</p>
${figures}
<p>Après le graphique, un autre paragraphe.</p></article>
<script>${WP_EMBED_PROTOCOL}</script>
</body></html>`;
}
