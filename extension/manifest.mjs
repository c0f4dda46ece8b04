// Writes the per-browser manifest from the one source manifest.json (build.sh's `assemble`;
// tests/manifest-permissions.test.mjs checks what each browser is asked for). A build helper:
// build.sh leaves extension/*.mjs out of dist/.
//
//   node extension/manifest.mjs <chrome|firefox> <version> <manifest.json> <out/manifest.json>
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The manifest for `browser`, from the source manifest `source` (not changed).
 * @param {any} source
 * @param {'chrome' | 'firefox'} browser
 * @param {string} version
 */
export function manifestFor(source, browser, version) {
  const m = structuredClone(source);
  m.version = version;
  if (browser === 'firefox') {
    // Firefox MV3 runs background pages, not service workers: `scripts` + module type.
    const { service_worker: sw, type } = m.background;
    m.background = { scripts: [sw], type };
    // Firefox has no offscreen documents: its background page reaches the clipboard itself.
    // Nor Chrome's side panel: the same wizard page is its sidebar (`sidebar_action`), which the
    // toolbar button opens (background.js; `sidebarAction.open()` needs the click's gesture).
    m.permissions = m.permissions.filter((p) => p !== 'sidePanel');
    // Nor may `alarms` be optional there: Firefox's list of permissions that `optional_permissions`
    // may hold has no `alarms` (MDN "optional_permissions"; web-ext lint warns
    // MANIFEST_OPTIONAL_PERMISSIONS; Chrome allows it: its "Permissions that cannot be specified
    // as optional" do not name it). So Firefox asks for it at install —
    // it shows no line in Firefox's install prompt (store/addons-mozilla-org.md).
    m.optional_permissions = m.optional_permissions.filter((p) => p !== 'offscreen' && p !== 'alarms');
    m.permissions.push('alarms');
    m.sidebar_action = {
      default_panel: m.side_panel.default_path,
      default_title: m.action.default_title,
      default_icon: m.action.default_icon,
      open_at_install: false,
    };
    delete m.side_panel;
    // data_collection_permissions (required on addons.mozilla.org) needs Firefox 140, and
    // Firefox for Android 142 (web-ext lint).
    m.browser_specific_settings = {
      gecko: {
        id: 'jira-token-wizard@extensions.local',
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      },
      gecko_android: { strict_min_version: '142.0' },
    };
  }
  return m;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [browser, version, src, dst] = process.argv.slice(2);
  const m = manifestFor(JSON.parse(readFileSync(src, 'utf8')), /** @type {any} */ (browser), version);
  writeFileSync(dst, JSON.stringify(m, null, 2) + '\n');
}
