// Least privilege at install (issue 20 items 1 and 7): the manifest asks at install only for what
// the first run needs. `clipboardRead`/`clipboardWrite` (Chrome warns "Read data you copy and
// paste" at install), `alarms` and `offscreen` serve one convenience — emptying a copied secret
// from the clipboard after a delay — so they are optional, asked together at the first copy of
// a secret (extension/wizard/actions/clipboard-access.js); `notifications` ("Display
// notifications") and `alarms` serve the expiry reminders only, asked from the click that turns
// them on (extension/wizard/actions/remember.js); hosts are optional too, asked per Jira.
// Firefox cannot hold `alarms` as optional (MDN "optional_permissions"): build.sh's
// per-browser step (extension/manifest.mjs) moves it to `permissions` there — the per-browser
// manifests are checked by running that very step.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';

import { manifestFor } from '../extension/manifest.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8'));
const source = (...path) => readFileSync(join(ROOT, 'extension', ...path), 'utf8');

/** The manifest build.sh writes for `browser` (extension/manifest.mjs, its per-browser step). */
const built = (browser) => manifestFor(manifest, browser, '1.2.3');

const sorted = (list) => [...(list ?? [])].sort();

test('install-time permissions: only what the first run needs', () => {
  assert.deepEqual(sorted(manifest.permissions), ['activeTab', 'scripting', 'sidePanel', 'storage']);
  assert.equal(manifest.host_permissions, undefined, 'no host at install');
});

test('Chrome: the clipboard clear and the reminders ask for theirs later', () => {
  const chrome = built('chrome');
  assert.deepEqual(sorted(chrome.permissions), ['activeTab', 'scripting', 'sidePanel', 'storage']);
  assert.deepEqual(sorted(chrome.optional_permissions), ['alarms', 'clipboardRead', 'clipboardWrite', 'notifications', 'offscreen']);
});

test('Firefox: `alarms` at install (it cannot be optional there), no offscreen, no side panel', () => {
  const firefox = built('firefox');
  assert.deepEqual(sorted(firefox.permissions), ['activeTab', 'alarms', 'scripting', 'storage']);
  assert.deepEqual(sorted(firefox.optional_permissions), ['clipboardRead', 'clipboardWrite', 'notifications']);
});

test('the first copy of a secret asks for the clipboard, its alarm and the offscreen document at once', () => {
  const browser = source('browser.js');
  const clear = browser.match(/const CLIPBOARD_CLEAR = (\[[^\]]*\]);/);
  assert.ok(clear, 'browser.js names what the clear needs');
  assert.deepEqual(sorted(JSON.parse(clear[1].replace(/'/g, '"'))), ['alarms', 'clipboardRead', 'clipboardWrite', 'offscreen']);
  assert.match(source('wizard', 'actions', 'copy.js'), /clearAfterCopy\(/, 'the copy of a secret asks for them');
  assert.match(source('wizard', 'actions', 'clipboard-access.js'), /requestClipboardAccess\(\)/);
});

test('turning reminders on asks for their alarm and notifications at once', () => {
  assert.ok(!manifest.permissions.includes('notifications'), 'not at install');
  const reminders = source('browser.js').match(/const REMINDERS = (\[[^\]]*\]);/);
  assert.ok(reminders, 'browser.js names what the reminders need');
  assert.deepEqual(sorted(JSON.parse(reminders[1].replace(/'/g, '"'))), ['alarms', 'notifications']);
  assert.match(source('wizard', 'actions', 'remember.js'), /requestReminderAccess\(\)/, 'the reminders switch asks for them');
});

test('the alarm listeners wait for the permission when it is not held at start', () => {
  const browser = source('browser.js');
  const onAlarm = browser.slice(browser.indexOf('export function onAlarm'));
  assert.match(onAlarm.slice(0, 600), /permissions\.onAdded\?\.addListener\(add\)/, 'registered when `alarms` is granted later');
});
