// Self-managed Jira tabs → "Jira Server/Data Center" / "Jira Data Center", version, base URL
// with its context path, personal access token steps and the PAT page under the base URL.
// Scenarios `context-path-mismatch` (configured https://jira.corp.example/jira, reached at
// 127.0.0.1/jira: facts §6.4) and `dc-9.12-cluster` (X-ANODEID ⇒ Data Center, facts §1.4).
// Saves artifacts/popup-dc.png.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startSimulator } from '../simulator/server.mjs';
import { launchExtension } from './harness.mjs';

const PAT_PAGE = '/secure/ViewProfile.jspa?selectedTab=com.atlassian.pats.pats-plugin:jira-user-personal-access-tokens';

let ext;
before(async () => {
  ext = await launchExtension();
});
after(async () => {
  await ext?.close();
});

test('DC under a context path with a different configured base URL', async (t) => {
  const sim = await startSimulator({ scenario: 'context-path-mismatch' });
  try {
    const started = Date.now();
    const popup = await ext.openPopup(sim.url);
    assert.equal(await popup.settled(), 'ready');
    t.diagnostic(`launch ${ext.launchMs} ms, popup ready ${Date.now() - started} ms`);

    // The summary names the address tested, not the configured one on another host.
    assert.match(await popup.text('summary'), /^Jira (Server\/)?Data Center 9\.12\.15 at /);
    assert.ok((await popup.text('summary')).endsWith(` at ${sim.baseUrl}`), await popup.text('summary'));
    await popup.click('step-detect-btn'); // step 1 is done: folded to a line until opened
    assert.equal(await popup.text('detail-hosting'), 'Server/Data Center');
    assert.equal(await popup.text('detail-version'), '9.12.15');
    assert.equal(await popup.text('detail-build'), '9120015');
    assert.equal(await popup.text('detail-baseUrl'), 'https://jira.corp.example/jira');
    assert.equal(await popup.text('detail-contextPath'), '/jira');
    assert.match(await popup.text('warning-base_url_other_host'), /another host/);
    assert.equal(await popup.attr('method', 'data-method'), 'pat');
    assert.match(await popup.text('method'), /Personal access token/);
    // The token page is on the origin that was tested, not the configured one (SECURITY.md §7.1).
    assert.equal(await popup.attr('token-page', 'data-url'), `${sim.baseUrl}${PAT_PAGE}`);
    const steps = await popup.eval(() => document.querySelectorAll('[data-testid=steps] li').length);
    assert.ok(steps >= 3, `${steps} steps`);
    assert.match(await popup.text('steps'), /Create token/);
    assert.ok(
      sim.log.some((e) => e.path === '/jira/rest/api/2/serverInfo' && !e.hasCookie),
      'serverInfo asked under the context path, without cookies',
    );
    await popup.screenshot('popup-dc.png');
    await popup.close();
  } finally {
    await sim.close();
  }
});

test('DC cluster node header makes it Data Center', async () => {
  const sim = await startSimulator({ scenario: 'dc-9.12-cluster' });
  try {
    const popup = await ext.openPopup(sim.url);
    assert.equal(await popup.settled(), 'ready');
    assert.equal(await popup.text('summary'), `Jira Data Center 9.12.15 at ${sim.baseUrl}`);
    await popup.click('step-detect-btn');
    assert.equal(await popup.text('detail-edition'), 'Data Center (cluster)');
    assert.equal(await popup.text('detail-clusterNode'), 'jira_node_1');
    assert.equal(await popup.text('warnings'), null, 'no warnings');
    assert.equal(await popup.attr('token-page', 'data-url'), `${sim.baseUrl}${PAT_PAGE}`);
    await popup.close();
  } finally {
    await sim.close();
  }
});
