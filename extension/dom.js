// DOM helpers shared by the popup's and the helpdesk page's modules: `$` (an element by id) and
// `el` (build an element with properties, data attributes and children). No state, no texts,
// no chrome.* — text lands only in textContent or properties, never in markup.

/**
 * The element with this id, as `type` (`HTMLInputElement` …; `HTMLElement` when left out): the
 * ids live in wizard.html and helpdesk.html, which the type check (tsconfig.json) cannot see,
 * so the caller names the element's class and it is checked here — a missing element or one of
 * another kind throws, naming the id, instead of failing later on `null` or `undefined`.
 * @template {HTMLElement} [T=HTMLElement]
 * @param {string} id
 * @param {{new (): T, prototype: T}} [type]
 * @returns {T}
 */
export function $(id, type) {
  const node = document.getElementById(id);
  const want = type ?? HTMLElement;
  if (!(node instanceof want)) throw new Error(`#${id}: ${node ? `not a ${want.name}` : 'no such element'}`);
  return /** @type {T} */ (node);
}

/**
 * `<tag>` with `props` (`dataset` merged into data-*, DOM properties set, anything else as an
 * attribute) and `children` (nodes or strings; null and undefined skipped).
 * @param {string} tag
 * @param {Record<string, unknown>} [props]
 * @param {...(Node | string | null | undefined)} children
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  const properties = /** @type {Record<string, unknown>} */ (/** @type {unknown} */ (node));
  for (const [k, v] of Object.entries(props)) {
    if (k === 'dataset') Object.assign(node.dataset, v);
    else if (k in node) properties[k] = v;
    else node.setAttribute(k, String(v));
  }
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
}
