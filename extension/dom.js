// DOM helpers shared by the popup's and the helpdesk page's modules: `$` (an element by id) and
// `el` (build an element with properties, data attributes and children). No state, no texts,
// no chrome.* — text lands only in textContent or properties, never in markup.

/**
 * The element with this id. Typed `any` on purpose: the ids and their element types live in
 * wizard.html and helpdesk.html, which the type check (tsconfig.json) cannot see, and the
 * browser E2E tests use every one of them.
 * @param {string} id
 * @returns {any}
 */
export const $ = (id) => document.getElementById(id);

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
