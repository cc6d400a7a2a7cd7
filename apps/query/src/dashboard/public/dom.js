/**
 * Builds an element without innerHTML: region and institution names come from the registry and
 * must never be parsed as markup. Props: `class`, `dataset`, `on<event>` listeners, else DOM properties.
 */
export function el(tag, props = {}, children = []) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null) continue;
    if (key === 'class') node.className = value;
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node[key] = value;
  }
  node.append(...[children].flat().filter((child) => child !== null && child !== undefined && child !== false));
  return node;
}

/** Replaces an element's children. */
export function fill(node, children) {
  node.replaceChildren(...[children].flat().filter(Boolean));
}
