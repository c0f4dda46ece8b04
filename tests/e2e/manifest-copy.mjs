// What the E2E changes in its temporary copy of the packaged manifest, shared by both
// browsers' launchers (harness.mjs, browsers/firefox.mjs).

/** What the delayed clear of a copied secret needs (extension/browser.js `CLIPBOARD_CLEAR`). */
const CLEAR = ['clipboardRead', 'clipboardWrite', 'alarms', 'offscreen'];

/**
 * The clipboard clear's optional permissions granted at install, as if the user had allowed
 * them at an earlier copy (headless Chromium cannot answer the prompt): moved into
 * `permissions`. `which`: `true` — all of them that are optional in this browser's manifest
 * (Chrome: the clipboard two, `alarms`, `offscreen`; Firefox: the clipboard two);
 * `'clipboard'` — only `clipboardRead`/`clipboardWrite`, so that the first copy still asks for
 * the rest (Chrome grants `alarms` and `offscreen` without a prompt: they have no warning).
 * @param {{permissions: string[], optional_permissions?: string[]}} manifest
 * @param {true | 'clipboard'} [which]
 */
export function grantClipboard(manifest, which = true) {
  const wanted = which === 'clipboard' ? CLEAR.slice(0, 2) : CLEAR;
  const moved = (manifest.optional_permissions ?? []).filter((p) => wanted.includes(p));
  manifest.optional_permissions = (manifest.optional_permissions ?? []).filter((p) => !moved.includes(p));
  if (!manifest.optional_permissions.length) delete manifest.optional_permissions;
  manifest.permissions = [...manifest.permissions, ...moved];
}
