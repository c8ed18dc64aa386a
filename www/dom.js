// Small DOM helpers shared by the widget's modules, and the in-place updates of the
// controller (a part changes only where its data changed, so focus stays). Text only: nothing here, or anywhere
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

/**
 * A button that shows or hides `panels` (its `aria-controls`) on a narrow chart; they
 * are open when the button's `aria-expanded` is true (see widget-style.js).
 */
export function disclosure(className, panels) {
  const button = element('button', { type: 'button', class: `atm-disclosure ${className}`, 'aria-expanded': 'false' });
  button.setAttribute('aria-controls', panels.map((panel) => panel.id).join(' '));
  button.addEventListener('click', () => {
    button.setAttribute('aria-expanded', String(button.getAttribute('aria-expanded') !== 'true'));
  });
  return button;
}

/** Sets attribute `name` only when it changes (no mutation, no re-announcement). */
export function setText(node, name, value) {
  if (node.getAttribute(name) !== value) node.setAttribute(name, value);
}

/** Sets a node's text only when it changes. */
export function setTextContent(node, text) {
  if (node.textContent !== text) node.textContent = text;
}

/**
 * Makes `parent`'s children match `items`: a child is kept while its key (`keyOf(item,
 * index)`) is the same at its place, so a focused child stays in the document; new
 * children come from `create`, and `update(child, item)` brings each up to date.
 */
export function syncChildren(parent, items, keyOf, create, update) {
  const existing = new Map();
  for (const child of parent.children) existing.set(child.dataset.syncKey, child);
  let previous = null;
  items.forEach((item, index) => {
    const key = String(keyOf(item, index));
    let child = existing.get(key);
    if (child) existing.delete(key);
    else {
      child = create(item, index);
      child.dataset.syncKey = key;
    }
    update(child, item, index);
    const expected = previous ? previous.nextElementSibling : parent.firstElementChild;
    if (expected !== child) parent.insertBefore(child, expected);
    previous = child;
  });
  for (const stale of existing.values()) stale.remove();
}
