// www/oembed.js: a permalink's oEmbed html, in the shape WordPress keeps, its texts
// escaped; and what WordPress 6.1's filter makes of it (tests/e2e/wordpress-host.mjs).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { oembedHtml } from '../../www/oembed.js';
import { wordpressFilter } from '../e2e/wordpress-host.mjs';

const EMBED = {
  url: 'https://charts.example/fr/valorisations/historique/',
  title: 'Valorisations des laboratoires d’IA',
  src: 'https://charts.example/embed/valuations-history-log-USD-fr.html',
  width: 640,
  height: 563.2,
};

/** The attributes of the first `<tag …>` of `html`, by name, decoded. */
function attributes(html, tag) {
  const open = new RegExp(`<${tag}\\b([^>]*)>`).exec(html);
  assert.ok(open, `no <${tag}> in ${html}`);
  const decode = (text) => text.replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
  return Object.fromEntries([...open[1].matchAll(/([a-z-]+)="([^"]*)"/g)].map(([, name, value]) => [name, decode(value)]));
}

test('a blockquote first, the title linked to the permalink; then the frame, with only what WordPress keeps and what it adds', () => {
  const html = oembedHtml(EMBED);
  assert.ok(html.startsWith('<blockquote class="wp-embedded-content"><a href="https://charts.example/fr/valorisations/historique/">Valorisations des laboratoires d’IA</a></blockquote>'));
  assert.ok(html.endsWith('></iframe>'), 'nothing inside the frame, nothing after it');
  assert.deepEqual(attributes(html, 'iframe'), {
    class: 'wp-embedded-content',
    sandbox: 'allow-scripts',
    security: 'restricted',
    src: EMBED.src,
    width: '640',
    height: '564',
    title: EMBED.title,
    frameborder: '0',
    marginwidth: '0',
    marginheight: '0',
    scrolling: 'no',
  });
  assert.equal((html.match(/<iframe/g) ?? []).length, 1);
  assert.doesNotMatch(html, /<script|style=|allow=|loading=/);
});

test('texts and addresses are escaped: nothing of them becomes markup', () => {
  const title = `<script>alert("x")</script> & 'q' src="https://evil.example/"`;
  const src = 'https://charts.example/embed/valuations-history-log-USD-fr.html#scale=log&hidden=openai,"x"';
  const html = oembedHtml({ ...EMBED, title, src, url: 'https://charts.example/a?b=1&c="2"' });
  assert.doesNotMatch(html, /<script|"x"|'q'|&c="/);
  assert.equal(attributes(html, 'iframe').title, title);
  assert.equal(attributes(html, 'iframe').src, src);
  assert.equal(attributes(html, 'a').href, 'https://charts.example/a?b=1&c="2"');
  assert.match(html, /&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt; &amp; &#39;q&#39;/);
  // WordPress takes the first ` src="…"` or ` src='…'` of the html for the frame's: the title's is not one.
  const single = wordpressFilter(oembedHtml({ ...EMBED, title: "x src='https://evil.example/'" }), 'abc');
  assert.match(single, / src="https:\/\/charts\.example\/embed\/valuations-history-log-USD-fr\.html#\?secret=abc"/);
  assert.match(wordpressFilter(html, 'abc'), / src="https:\/\/charts\.example\/embed\/valuations-history-log-USD-fr\.html#scale=log&amp;hidden=openai,&quot;x&quot;#\?secret=abc"/);
});

test('an address that is not http(s), or a size that is not one, is refused', () => {
  assert.throws(() => oembedHtml({ ...EMBED, url: 'javascript:alert(1)' }), /url must be an absolute http\(s\) address/);
  assert.throws(() => oembedHtml({ ...EMBED, src: '/embed/x.html' }), /src must be an absolute http\(s\) address/);
  assert.throws(() => oembedHtml({ ...EMBED, width: '100%' }), /width must be a positive number of pixels/);
  assert.throws(() => oembedHtml({ ...EMBED, height: 0 }), /height must be a positive number of pixels/);
});

test('WordPress 6.1 keeps all of it: the blockquote hidden when the frame answers, the frame hidden until then, sandboxed, its secret after the src', () => {
  const filtered = wordpressFilter(oembedHtml(EMBED), 'Ab12Cd34Ef');
  assert.ok(filtered.startsWith('<blockquote class="wp-embedded-content" data-secret="Ab12Cd34Ef"><a href="https://charts.example/fr/valorisations/historique/">'));
  assert.deepEqual(attributes(filtered, 'iframe'), {
    class: 'wp-embedded-content',
    sandbox: 'allow-scripts',
    security: 'restricted',
    style: 'position: absolute; clip: rect(1px, 1px, 1px, 1px);',
    src: `${EMBED.src}#?secret=Ab12Cd34Ef`,
    'data-secret': 'Ab12Cd34Ef',
    width: '640',
    height: '564',
    title: EMBED.title,
    frameborder: '0',
    marginwidth: '0',
    marginheight: '0',
    scrolling: 'no',
  });
  // A state's fragment stays, the secret after it.
  const withState = wordpressFilter(oembedHtml({ ...EMBED, src: `${EMBED.src}#hidden=openai` }), 'abc');
  assert.equal(attributes(withState, 'iframe').src, `${EMBED.src}#hidden=openai#?secret=abc`);
});

test('the filter as WordPress runs it: no blockquote first, no hiding (the frame keeps its height for ever); no iframe, no embed', () => {
  const late = wordpressFilter(`<p>x</p>${oembedHtml(EMBED)}`, 'abc');
  assert.ok(late.startsWith('<iframe'), 'what precedes the blockquote loses it');
  assert.doesNotMatch(late, /style=/);
  assert.equal(wordpressFilter('<blockquote><a href="https://x.example/">x</a></blockquote>', 'abc'), false);
  assert.doesNotMatch(wordpressFilter('<iframe src="https://x.example/" style="border:0" allow="fullscreen" loading="lazy"></iframe>', 'a'), /allow=|loading=|border/);
});
