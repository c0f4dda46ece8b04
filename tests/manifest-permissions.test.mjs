// Least privilege at install (issue 20 item 7): the manifest asks at install only for what the
// first run needs. `clipboardRead`/`clipboardWrite` (Chrome warns "Read data you copy and
// paste" at install) serve one convenience — emptying a copied secret from the clipboard after
// a delay — so they are optional, asked at the first copy of a secret
// (extension/wizard/actions/clipboard-access.js); `notifications` ("Display notifications")
// serves the expiry reminders only, asked from the click that turns them on
// (extension/wizard/actions/remember.js); hosts are optional too, asked per Jira.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8'));

test('install-time permissions: only what the first run needs', () => {
  assert.deepEqual([...manifest.permissions].sort(), ['activeTab', 'alarms', 'offscreen', 'scripting', 'sidePanel', 'storage']);
  assert.equal(manifest.host_permissions, undefined, 'no host at install');
});

test('the clipboard permissions are optional, asked at the first copy of a secret', () => {
  assert.deepEqual([...(manifest.optional_permissions ?? [])].sort(), ['clipboardRead', 'clipboardWrite', 'notifications']);
  const copy = readFileSync(join(ROOT, 'extension', 'wizard', 'actions', 'copy.js'), 'utf8');
  assert.match(copy, /clearAfterCopy\(/, 'the copy of a secret asks for them');
});

test('notifications are optional, asked from the click that turns reminders on', () => {
  assert.ok(!manifest.permissions.includes('notifications'), 'not at install');
  const remember = readFileSync(join(ROOT, 'extension', 'wizard', 'actions', 'remember.js'), 'utf8');
  assert.match(remember, /notifications/, 'the reminders switch asks for them');
});
