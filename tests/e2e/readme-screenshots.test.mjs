// The README's pictures of the popup, taken from a real run against the simulator: a Jira Cloud
// token that works, and a Data Center password that Jira rejects, with the cause and the fix.
// Each is the token-test box (the whole popup is taller than a screen). They always go to
// tests/e2e/artifacts/; with JTW_DOCS_SCREENSHOTS=1 also to docs/screenshots/ (committed; off by
// default because the simulator's port, shown in the pictures, differs per run). Each is checked
// to be the size of its element, with one form on the page (pictures.mjs, issue 20 item 9).

import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { startSite } from './sites.mjs';
import { launchExtension, openTestStep } from './harness.mjs';
import { checkPicture } from './pictures.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

let ext;
before(async () => {
  ext = await launchExtension();
});
after(async () => {
  await ext?.close();
});

/** A PNG of the popup from the top of `fromId` to the bottom of `toId`. */
async function crop(popup, fromId, toId) {
  const rect = await popup.eval(([a, b]) => {
    // From the page's top (a test scrolls the verdict into view), the footer in its place.
    window.scrollTo(0, 0);
    document.getElementById('next-bar')?.style.setProperty('position', 'static');
    const top = document.querySelector(`[data-testid="${a}"]`).getBoundingClientRect();
    const bottom = document.querySelector(`[data-testid="${b}"]`).getBoundingClientRect();
    return { x: 0, y: Math.max(0, top.top + window.scrollY - 8), width: document.documentElement.clientWidth, height: bottom.bottom - top.top + 16 };
  }, [fromId, toId]);
  const { data } = await popup.send('Page.captureScreenshot', { format: 'png', captureBeyondViewport: true, clip: { ...rect, scale: 1 } });
  // The box the picture should show, measured again once it is taken (pictures.mjs).
  const box = await popup.eval(([a, b]) => {
    const top = document.querySelector(`[data-testid="${a}"]`).getBoundingClientRect();
    const bottom = document.querySelector(`[data-testid="${b}"]`).getBoundingClientRect();
    return {
      width: document.documentElement.clientWidth,
      height: bottom.bottom - top.top + 16,
      forms: document.querySelectorAll('#test-form').length,
    };
  }, [fromId, toId]);
  await popup.eval(() => document.getElementById('next-bar')?.style.removeProperty('position'));
  const png = Buffer.from(data, 'base64');
  return { png, box, shows: fromId === toId ? fromId : `${fromId}…${toId}` };
}

function save(name, { png, box, shows }) {
  checkPicture(name, png, box, shows);
  mkdirSync(join(ROOT, 'tests', 'e2e', 'artifacts'), { recursive: true });
  writeFileSync(join(ROOT, 'tests', 'e2e', 'artifacts', name), png);
  if (process.env.JTW_DOCS_SCREENSHOTS === '1') {
    mkdirSync(join(ROOT, 'docs', 'screenshots'), { recursive: true });
    writeFileSync(join(ROOT, 'docs', 'screenshots', name), png);
  }
}

async function runCheck(popup, { login, secret, auth }) {
  await popup.waitFor(() => !document.querySelector('[data-testid=token-test]').hidden);
  await popup.eval(([l, s, a]) => {
    const q = (id) => document.querySelector(`[data-testid="${id}"]`);
    q('test-login').value = l;
    q('test-secret').value = s;
    q('test-auth').value = a;
    q('test-auth').dispatchEvent(new Event('change'));
    q('test-run').click();
  }, [login, secret, auth]);
  await popup.waitFor(() => !document.querySelector('[data-testid=check]').hidden
    && !document.querySelector('[data-testid=report-copy]').disabled, null, 15_000);
  await openTestStep(popup);
}

test('README: a Jira Cloud API token that works', async () => {
  const sim = await startSite({ scenario: 'cloud' });
  try {
    const popup = await ext.openPopup(sim.url);
    assert.equal(await popup.settled(), 'ready');
    const { jdoe } = sim.credentials.users;
    await runCheck(popup, { login: jdoe.login, secret: jdoe.apiToken, auth: 'auto' });
    assert.equal(await popup.text('verdict-code'), 'ok');
    save('popup-cloud-ok.png', await crop(popup, 'token-test', 'token-test'));
    await popup.close();
  } finally {
    await sim.close();
  }
});

test('README: a Data Center password that Jira rejects, with its fix', async () => {
  const sim = await startSite({ scenario: 'dc-9.12-cluster' });
  try {
    const popup = await ext.openPopup(sim.url);
    assert.equal(await popup.settled(), 'ready');
    await runCheck(popup, { login: 'jdoe', secret: 'not-the-password', auth: 'basic' });
    assert.equal(await popup.text('verdict-code'), 'credentials_rejected');
    save('popup-dc-failure.png', await crop(popup, 'token-test', 'token-test'));
    await popup.close();
  } finally {
    await sim.close();
  }
});
