// What the E2E changes in its temporary copy of the packaged manifest, shared by both
// browsers' launchers (harness.mjs, browsers/firefox.mjs).

/**
 * The optional clipboard permissions granted at install, as if the user had allowed them at an
 * earlier copy (headless Chromium cannot answer the prompt): moved into `permissions`.
 * @param {{permissions: string[], optional_permissions?: string[]}} manifest
 */
export function grantClipboard(manifest) {
  const clipboard = ['clipboardRead', 'clipboardWrite'];
  manifest.optional_permissions = (manifest.optional_permissions ?? []).filter((p) => !clipboard.includes(p));
  if (!manifest.optional_permissions.length) delete manifest.optional_permissions;
  manifest.permissions = [...manifest.permissions, ...clipboard];
}
