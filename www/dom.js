// Small DOM helpers shared by the widget's modules. Text only: nothing here, or anywhere
// in the widget, builds HTML from strings.

/** A new element with attributes and, optionally, text. */
export function element(tag, attributes = {}, text) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A link to a source: only http(s) addresses become links, and they leak nothing. */
export function sourceLink(source, [open, close] = ['“', '”']) {
  const safe = /^https?:\/\//i.test(source.url);
  const link = element(safe ? 'a' : 'span', {}, `${open}${source.title}${close}`);
  if (safe) {
    link.href = source.url;
    link.rel = 'noopener noreferrer';
    link.target = '_blank';
  }
  return link;
}

let counter = 0;
/** An id unique in the page, for aria references. */
export function uniqueId(prefix) {
  counter += 1;
  return `${prefix}-${counter}`;
}
