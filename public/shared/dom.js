// Small DOM helpers the pages share. Text goes in as text nodes, never as markup.

export const $ = (id) => document.getElementById(id);

/** An element with attributes (false, null and undefined ones left out; `className` sets the class). */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'className') node.className = value;
    else node.setAttribute(name, value === true ? '' : value);
  }
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
}

export function show(node, visible) {
  node.hidden = !visible;
}

/** Puts `text` in the node and shows it; no text hides it. */
export function message(node, text) {
  node.textContent = text ?? '';
  show(node, Boolean(text));
}

export const online = () => navigator.onLine !== false;
