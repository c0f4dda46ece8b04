// Jira Cloud tab → "Jira Cloud", API token (e-mail + token), the id.atlassian.com token page.
// Simulator scenario `cloud` (facts §2.2 page, §3.1 token page). Saves artifacts/popup-cloud.png.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startSite } from './sites.mjs';
import { launchExtension } from './harness.mjs';

let ext;
let sim;
before(async () => {
  [ext, sim] = await Promise.all([launchExtension(), startSite({ scenario: 'cloud' })]);
});
after(async () => {
  await ext?.close();
  await sim?.close();
});

test('a Jira Cloud tab leads to the Atlassian API token page', async (t) => {
  const started = Date.now();
  const popup = await ext.openPopup(sim.url);
  assert.equal(await popup.settled(), 'ready');
  t.diagnostic(`launch ${ext.launchMs} ms, popup ready ${Date.now() - started} ms`);

  assert.match(await popup.text('summary'), /^Jira Cloud\b/);
  assert.equal(await popup.attr('method', 'data-method'), 'api-token');
  assert.match(await popup.text('method'), /API token/);
  await popup.click('step-detect-btn'); // step 1 is done: folded to a line until opened
  assert.equal(await popup.text('detail-hosting'), 'Cloud');
  assert.equal(await popup.text('detail-cloudId'), 'a436116f-02ce-4520-8fbb-7301462a1674');
  const tokenPage = await popup.attr('token-page', 'data-url');
  assert.equal(tokenPage, 'https://id.atlassian.com/manage-profile/security/api-tokens');
  assert.match(await popup.text('steps'), /Create API token/);
  assert.equal(await popup.text('url-form'), null, 'no URL field on a Jira tab');
  const rest = sim.log.filter((e) => e.path.startsWith('/rest/') || e.path.startsWith('/_edge/'));
  assert.ok(rest.some((e) => e.path === '/rest/api/2/serverInfo'), 'serverInfo was asked');
  assert.ok(rest.every((e) => !e.hasCookie && !e.hasAuthorization), 'credentials: omit — no cookie on REST calls');
  await popup.screenshot('popup-cloud.png');

  // The button opens the token page in a new tab. Its host does not resolve here, so the tab
  // shows an error page; its navigation entry still holds the URL.
  const opened = ext.ctx.waitForEvent('page', { timeout: 5_000 });
  await popup.click('token-page');
  const tab = await opened;
  const session = await ext.ctx.newCDPSession(tab);
  let urls = [];
  for (const until = Date.now() + 5_000; Date.now() < until; await new Promise((r) => setTimeout(r, 50))) {
    const { entries } = await session.send('Page.getNavigationHistory');
    urls = entries.map((e) => e.url).filter((u) => u !== 'about:blank');
    if (urls.length) break;
  }
  assert.deepEqual(urls, [tokenPage]);
});
