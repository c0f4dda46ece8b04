// Issue 13, item 9, in the popup: after a token test, the "Test from the integration's server"
// box shows the core's CLI and curl lines (secret only as $JIRA_TOKEN) and each copy button puts
// exactly its line on the clipboard. The box follows the popup's language.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startSimulator } from '../simulator/server.mjs';
import { launchExtension, openTestStep } from './harness.mjs';

let ext;
before(async () => {
  ext = await launchExtension();
  await ext.cdp.send('Browser.grantPermissions', {
    permissions: ['clipboardReadWrite', 'clipboardSanitizedWrite'],
    origin: `chrome-extension://${ext.extId}`,
  });
});
after(async () => {
  await ext?.close();
});

test('a tested PAT: the CLI and curl lines for the server, copied as shown, no secret', async () => {
  const sim = await startSimulator({ scenario: 'dc-9.12-cluster' });
  try {
    const secret = sim.credentials.users.jdoe.pat;
    const popup = await ext.openPopup(sim.url);
    assert.equal(await popup.settled(), 'ready');
    await popup.waitFor(() => !document.querySelector('[data-testid=token-test]').hidden);
    await popup.eval((s) => {
      const q = (id) => document.querySelector(`[data-testid="${id}"]`);
      q('test-login').value = 'jdoe';
      q('test-secret').value = s;
      q('test-project').value = 'PROJ';
      q('test-run').click();
    }, secret);
    await popup.waitFor(() => !document.querySelector('[data-testid=server-check]').hidden, null, 15_000);
    await openTestStep(popup);
    await popup.click('more-toggle'); // the server-side commands are under "More"
    await popup.waitFor(() => document.querySelector('[data-testid=more]').open);
    const shown = await popup.eval(() => ({
      cli: document.querySelector('[data-testid=server-check-cli]').textContent,
      curl: document.querySelector('[data-testid=server-check-curl]').textContent,
      box: document.querySelector('[data-testid=server-check]').innerText,
    }));
    assert.equal(shown.cli, `jira-token-wizard check '${sim.baseUrl}' --user 'jdoe' --auth pat --for generic --project 'PROJ'`);
    assert.equal(shown.curl, `printf 'Authorization: Bearer %s\\n' "$JIRA_TOKEN" | curl -sS -i -H @- '${sim.baseUrl}/rest/api/2/myself'`);
    assert.match(shown.box, /Test from the integration’s server/);
    assert.ok(!shown.box.includes(secret), 'the secret is not in the box');

    for (const kind of ['cli', 'curl']) {
      await popup.eval(() => navigator.clipboard.writeText('(before)'));
      await popup.click(`server-check-copy-${kind}`);
      await popup.waitFor((k) => /Copied/.test(document.querySelector(`[data-testid=server-check-${k}-status]`).textContent), kind);
      assert.equal(await popup.eval(() => navigator.clipboard.readText()), shown[kind]);
    }
  } finally {
    await sim.close();
  }
});
