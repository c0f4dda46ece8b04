// `rate_limited` in the popup (scenario `rate-limited`, facts: Cloud's 429 with Retry-After
// and RateLimit-Reason): the verdict's cause names the wait and the reason, as the CLI does.

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

test('rate_limited: the cause carries Retry-After and the rate-limit reason', async () => {
  const sim = await startSite({ scenario: 'rate-limited' });
  try {
    const popup = await ext.openPopup(sim.url);
    assert.equal(await popup.settled(), 'ready');
    await popup.waitFor(() => !document.querySelector('[data-testid=token-test]').hidden);
    const jdoe = sim.credentials.users.jdoe;
    await popup.eval(({ login, secret }) => {
      const q = (id) => document.querySelector(`[data-testid="${id}"]`);
      q('test-login').value = login;
      q('test-secret').value = secret;
      q('test-run').click();
    }, { login: jdoe.login, secret: jdoe.apiToken });
    await popup.waitFor(() => document.querySelector('[data-testid=verdict-code]')?.textContent === 'rate_limited', null, 15_000);
    const cause = await popup.text('verdict-cause');
    assert.match(cause, /Retry-After: 30/);
    assert.match(cause, /RateLimit-Reason: jira-burst-based — too many requests in a short burst/);
  } finally {
    await sim.close();
  }
});
