// Issue 20 item 1: the wizard vouches only for the origin it tested. A Data Center whose
// configured base URL is on another host (scenario `context-path-mismatch`: reached at
// 127.0.0.1/jira, configured https://jira.corp.example/jira): the one-click PAT's confirmation
// names the origin the POST goes to, the stronger `base_url_other_host` warning is shown (not
// the reverse-proxy one), and the token page is on the tested origin. The rule for a claim
// with no answer from REST is the core's (tests/hardening/vouches.rs).

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startSite } from './sites.mjs';
import { launchExtension } from './harness.mjs';

let ext;
before(async () => {
  ext = await launchExtension();
});
after(async () => {
  await ext?.close();
});

test('the PAT confirmation names the tested origin, not the configured one on another host', async () => {
  const sim = await startSite({ scenario: 'context-path-mismatch' });
  try {
    const popup = await ext.openPopup(`${sim.baseUrl}/test-login?user=jdoe`);
    assert.equal(await popup.settled(), 'ready');
    assert.match(await popup.text('warning-base_url_other_host'), /another host/);
    assert.equal(await popup.text('warning-base_url_mismatch'), null, 'not the reverse-proxy warning');
    assert.ok((await popup.attr('token-page', 'data-url')).startsWith(`${sim.baseUrl}/`));
    await popup.waitFor(() => !document.querySelector('[data-testid=pat-create]').hidden);
    await popup.eval(() => {
      document.querySelector('[data-testid=pat-name]').value = 'tested-origin';
      document.querySelector('[data-testid=pat-start]').click();
    });
    await popup.waitFor(() => !document.querySelector('[data-testid=pat-confirm]').hidden);
    const confirm = await popup.text('pat-confirm-text');
    assert.ok(confirm.includes(` at ${sim.baseUrl}?`), confirm);
    assert.ok(!confirm.includes('corp.example'), confirm);
    await popup.click('lang-ru');
    await popup.waitFor(() => document.documentElement.lang === 'ru');
    assert.ok(!(await popup.text('pat-confirm-text')).includes('corp.example'));
    await popup.click('lang-en');
    await popup.close();
  } finally {
    await sim.close();
  }
});
