// The function injected into the tab with `scripting.executeScript` to take a page snapshot:
// the JS twin of the core's `PageSnapshot` (src/page.rs). It must be self-contained — the
// browser serialises its source and runs it in the page, so it may use nothing from this
// module's scope — and it only reads the DOM. Sizes are capped here (a hostile page could be
// huge) and again by the core (`PageSnapshot::sanitized`). It does no network request: a
// content-script context cannot fetch cross-origin even with host permissions (facts §6.1).

/** Limits passed to the injected function; mirror src/page.rs. */
export const SNAPSHOT_LIMITS = Object.freeze({ maxMetas: 256, maxValueChars: 2048 });

/**
 * Collects `<meta name|property content>` pairs (names lower-cased), the `application-name`
 * tag's `data-name`/`data-version` as `application-name:data-name`/`:data-version` (facts
 * §2.1), the title, `<body>` id and classes and the URL.
 * @param {{maxMetas: number, maxValueChars: number}} limits
 * @returns {{url: string, title: string, metas: Record<string, string>, bodyId: string, bodyClasses: string[]}}
 */
export function collectSnapshot(limits) {
  const cut = (/** @type {unknown} */ s) => String(s ?? '').slice(0, limits.maxValueChars);
  /** @type {Record<string, string>} */
  const metas = {};
  let count = 0;
  /**
   * @param {string} name
   * @param {unknown} value
   */
  const put = (name, value) => {
    if (!name || count >= limits.maxMetas || name in metas) return;
    metas[name] = cut(value);
    count += 1;
  };
  for (const el of document.querySelectorAll('meta')) {
    const name = cut(el.getAttribute('name') || el.getAttribute('property'))
      .trim()
      .toLowerCase();
    if (!name) continue;
    put(name, el.getAttribute('content'));
    if (name === 'application-name') {
      if (el.hasAttribute('data-name')) put('application-name:data-name', el.getAttribute('data-name'));
      if (el.hasAttribute('data-version')) put('application-name:data-version', el.getAttribute('data-version'));
    }
  }
  const body = document.body;
  return {
    url: String(location.href).slice(0, limits.maxValueChars * 4),
    title: cut(document.title),
    metas,
    bodyId: cut(body?.id),
    bodyClasses: body ? Array.from(body.classList).slice(0, limits.maxMetas).map(cut) : [],
  };
}
