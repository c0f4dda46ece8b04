// Who answered, in the wizard: the verdict and the checklist's first line (the core's, shared
// with the report and the CLI) name it — a reverse proxy's 502 is not Jira's error, and a Jira
// page whose REST API answers 429 is rate-limited, not "not Jira", with nothing sent.
// Scenarios: tests/simulator/scenarios.mjs `proxy-502`, `proxy-407`, `jira-rate-limited-serverinfo`.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startSite } from './sites.mjs';
import { launchExtension, openTestStep } from './harness.mjs';

let ext;
before(async () => {
  ext = await launchExtension();
});
after(async () => {
  await ext?.close();
});

/** Opens the popup on a scenario's page, fills the form with `secret`, clicks Test, waits. */
async function check(scenario, secretOf) {
  const sim = await startSite({ scenario });
  const popup = await ext.openPopup(sim.url);
  assert.equal(await popup.settled(), 'ready');
  await popup.waitFor(() => !document.querySelector('[data-testid=token-test]').hidden);
  await popup.eval((secret) => {
    const q = (id) => document.querySelector(`[data-testid="${id}"]`);
    q('test-secret').value = secret;
    q('test-run').click();
  }, secretOf(sim.credentials));
  await popup.waitFor(() => Boolean(document.querySelector('[data-testid=verdict-code]')?.textContent), null, 15_000);
  await openTestStep(popup);
  return { sim, popup };
}

test('server_error from a reverse proxy: the checklist names the device in front, not Jira', async () => {
  const { sim, popup } = await check('proxy-502', (c) => c.users.jdoe.pat);
  try {
    assert.equal(await popup.text('verdict-code'), 'server_error');
    assert.match(await popup.text('verdict-cause'), /HTTP 502; the error came from a device in front of Jira/);
    assert.match(await popup.text('check-reachable'), /Not Jira answered: a device in front of Jira/);
    await popup.screenshot('popup-server-error-device.png');
  } finally {
    await popup.close();
    await sim.close();
  }
});

// A 407 from a server that is not the browser's proxy never reaches the page: Chromium fails
// the fetch (net::ERR_UNEXPECTED_PROXY_AUTH), so the wizard sees no answer — while the CLI,
// whose transport reads the 407, says proxy_auth_required (tests/cli/check-cases.mjs). The
// wizard must not invent a verdict from Jira's words: nobody answered.
test('a proxy\'s 407 in the browser: no answer reached the wizard, and it says so', async () => {
  const { sim, popup } = await check('proxy-407', (c) => c.users.jdoe.pat);
  try {
    assert.equal(await popup.text('verdict-code'), 'unreachable');
    assert.match(await popup.text('check-reachable'), /Jira did not answer/);
  } finally {
    await popup.close();
    await sim.close();
  }
});

test('rate_limited before REST confirmed Jira: nothing sent, and the cause says why', async () => {
  const { sim, popup } = await check('jira-rate-limited-serverinfo', (c) => c.users.jdoe.pat);
  try {
    assert.equal(await popup.text('verdict-code'), 'rate_limited');
    const cause = await popup.text('verdict-cause');
    assert.match(cause, /Retry-After: 30/);
    assert.match(cause, /No credential was sent/);
    assert.ok(sim.log.every((e) => !e.hasAuthorization), 'no credential reached the site');
  } finally {
    await popup.close();
    await sim.close();
  }
});
