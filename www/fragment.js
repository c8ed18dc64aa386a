// Chart state <-> URL fragment, so that any view can be linked to.
//
// embed.html (one chart):  #chart=valuations&view=history&scale=log&currency=USD&lang=fr&hidden=openai
// index.html (all charts): #lang=en&valuations.view=history&valuations.hidden=openai

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
