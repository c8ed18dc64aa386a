// Chart state <-> URL fragment, so that any view can be linked to.
//
// embed.html (one chart):  #chart=valuations&view=history&scale=log&currency=USD&lang=fr&hidden=openai
// index.html (all charts): #lang=en&valuations.view=history&valuations.hidden=openai
// Embedded by WordPress, an iframe page's address also carries WordPress's secret, after
// any state: #hidden=openai#?secret=Ab12Cd34Ef (splitSecret).

/**
 * The element attribute of a state key: the hidden series go in `hidden-series`, since
 * setting the global `hidden` attribute on the element, even one that stays visible,
 * makes the browser drop the focus of the control inside it that the reader just used.
 */
export function attributeName(key) {
  return key === 'hidden' ? 'hidden-series' : key;
}

/** Reads `#a=b&c=d` into a Map (later keys win). */
export function readFragment(hash = location.hash) {
  return new Map(new URLSearchParams(hash.replace(/^#/, '')));
}

/** WordPress's secret, as WordPress appends it to a frame's address: `#?secret=…`. */
const SECRET = /#\?secret=([^#&]*)[^#]*/;

/**
 * Splits a fragment into the state's part and WordPress's secret (`#?secret=…`, which
 * WordPress adds to an embedded frame's address after any fragment already there). The
 * secret is null when there is none, or when it is not the letters and digits WordPress
 * writes (its host script would ignore the messages that carry it).
 */
export function splitSecret(hash = location.hash) {
  const match = SECRET.exec(hash);
  if (!match) return { state: hash, secret: null };
  const state = hash.slice(0, match.index) + hash.slice(match.index + match[0].length);
  return { state: state === '#' ? '' : state, secret: /^[A-Za-z0-9]+$/.test(match[1]) ? match[1] : null };
}

/** Writes a Map or object as a fragment, without empty values; commas stay readable. */
export function writeFragment(entries) {
  const params = new URLSearchParams();
  for (const [key, value] of entries instanceof Map ? entries : Object.entries(entries)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, value);
  }
  const text = params.toString().replaceAll('%2C', ',');
  return text ? `#${text}` : '';
}

/** A chart state as fragment entries, leaving out what equals `defaults`. */
export function stateEntries(state, defaults = {}, prefix = '') {
  const entries = new Map();
  const values = { view: state.view, scale: state.scale, currency: state.currency, lang: state.lang, hidden: state.hidden.join(',') };
  for (const [key, value] of Object.entries(values)) {
    if (defaults[key] !== value && !(key === 'hidden' && value === '')) entries.set(prefix + key, value);
  }
  return entries;
}
