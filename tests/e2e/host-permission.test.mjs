// Without a host permission (the real, minimal manifest: optional_host_permissions only), the
// popup still detects from the page alone (activeTab + scripting after the toolbar click),
// asks Jira nothing, and offers "Allow access to <origin>" (catalogue: host_permission_needed).
// The button itself is not clicked: headless Chromium never answers permissions.request.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startSimulator } from '../simulator/server.mjs';
import { launchExtension } from './harness.mjs';

let ext;
let sim;
before(async () => {
  [ext, sim] = await Promise.all([
    launchExtension({ hostPermission: false }),
    startSimulator({ scenario: 'context-path-mismatch' }),
  ]);
});
after(async () => {
  await ext?.close();
  await sim?.close();
});

test('without host access the page alone is enough, and access is offered', async (t) => {
  const started = Date.now();
  const popup = await ext.openPopup(sim.url);
  assert.equal(await popup.settled(), 'ready');
  t.diagnostic(`launch ${ext.launchMs} ms, popup ready ${Date.now() - started} ms`);

  assert.match(await popup.text('summary'), /^Jira .*9\.12\.15 at https:\/\/jira\.corp\.example\/jira$/);
  assert.equal(await popup.text('detail-version'), '9.12.15');
  assert.equal(await popup.attr('method', 'data-method'), 'pat');
  assert.notEqual(await popup.text('warning-host_permission_needed'), null);
  assert.equal(await popup.text('allow-access'), `Allow access to ${sim.origin}`);
  assert.ok(!sim.log.some((e) => e.path.includes('/rest/')), 'no REST request without access');
  await popup.close();
});
