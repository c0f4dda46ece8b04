// Issue 13, item 9 (the helpdesk half), end to end: the popup tests a PAT against the simulator
// and downloads its report (the browser's: `ok`); the REAL CLI binary checks the same login
// against a closed port and writes its report (`--report`, the server's: `unreachable`). Support
// pastes both into helpdesk.html, one after the other, and sees them side by side — browser
// left, server right, stacked on a narrow window — with the core's `differs_from_server` on top
// naming the difference (not reachable from the server), in EN and RU.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { buildCli, closedPort, runCli } from '../cli/helpers.mjs';
import { startSimulator } from '../simulator/server.mjs';
import { launchExtension, openTestStep } from './harness.mjs';

let ext;
let sim;
before(async () => {
  buildCli();
  ext = await launchExtension();
  sim = await startSimulator({ scenario: 'dc-9.12-cluster' });
});
after(async () => {
  await sim?.close();
  await ext?.close();
});

/** The popup's report of a PAT test against the simulator (the JSON file it downloads). */
async function browserReport() {
  const secret = sim.credentials.users.jdoe.pat;
  const popup = await ext.openPopup(sim.url);
  try {
    assert.equal(await popup.settled(), 'ready');
    await popup.waitFor(() => !document.querySelector('[data-testid=token-test]').hidden);
    await popup.eval(([s]) => {
      const q = (id) => document.querySelector(`[data-testid="${id}"]`);
      q('test-login').value = 'jdoe';
      q('test-secret').value = s;
      q('test-auth').value = 'pat';
      q('test-auth').dispatchEvent(new Event('change'));
      q('test-run').click();
    }, [secret]);
    await popup.waitFor(() => {
      const copy = document.querySelector('[data-testid=report-copy]');
      return !document.querySelector('[data-testid=check]').hidden && copy && !copy.disabled;
    }, null, 15_000);
    await openTestStep(popup);
    assert.equal(await popup.text('verdict-code'), 'ok');
    await popup.click('report-download');
    const text = await popup.eval(async () => {
      const link = document.querySelector('[data-testid=report-file]');
      return (await fetch(link.href)).text();
    });
    assert.ok(!text.includes(secret));
    return text;
  } finally {
    await popup.close();
  }
}

/** The CLI's report of the same login against a closed port: the server cannot reach Jira. */
async function serverReport() {
  const file = join(mkdtempSync(join(tmpdir(), 'jtw-hd-')), 'server.json');
  const url = `http://127.0.0.1:${await closedPort()}`;
  const run = await runCli(['check', url, '--user', 'jdoe', '--report', file], { env: { JIRA_TOKEN: 'not-a-real-secret-7f3a9c' } });
  const text = readFileSync(file, 'utf8');
  const report = JSON.parse(text);
  assert.equal(report.versions.tool, 'cli', run.stderr);
  assert.equal(report.verdict.code, 'unreachable');
  return text;
}

test('a browser report and a CLI report side by side, the difference named', async () => {
  const browser = await browserReport();
  const server = await serverReport();
  const page = await ext.ctx.newPage();
  try {
    await page.setViewportSize({ width: 1200, height: 900 });
    await page.goto(`chrome-extension://${ext.extId}/helpdesk.html`, { waitUntil: 'load' });
    // The server's report first: the core tells which is whose.
    await page.fill('[data-testid=report-input]', `${server}\n${browser}`);
    await page.click('[data-testid=report-show]');
    await page.waitForSelector('[data-testid=pair]:not([hidden])', { timeout: 10_000 });
    const text = (id) => page.locator(`[data-testid="${id}"]`).innerText();
    assert.equal(await page.locator('[data-testid=view]').isHidden(), true, 'no single view');
    assert.equal(await text('pair-browser-code'), 'ok');
    assert.equal(await text('pair-server-code'), 'unreachable');
    assert.equal(await page.getAttribute('[data-testid=pair-notice]', 'data-difference'), 'not_reachable');
    assert.match(await text('view-warning-differs_from_server'), /reachable from the browser, not from the server/);
    assert.match(await text('view-warning-differs_from_server'), /differs_from_server/);

    // Side by side: the browser's column left of the server's, the notice above both.
    const box = async (id) => page.locator(`[data-testid="${id}"]`).boundingBox();
    let [left, right, notice] = [await box('pair-browser'), await box('pair-server'), await box('pair-notice')];
    assert.ok(left && right && notice);
    assert.ok(left.x + left.width <= right.x + 1, 'two columns');
    assert.ok(Math.abs(left.y - right.y) < 2, 'same row');
    assert.ok(notice.y + notice.height <= left.y, 'the difference on top');

    // Narrow: stacked.
    await page.setViewportSize({ width: 600, height: 900 });
    [left, right] = [await box('pair-browser'), await box('pair-server')];
    assert.ok(left && right && left.y + left.height <= right.y + 1, 'stacked under 700 px');

    // Russian.
    await page.click('[data-testid=lang-ru]');
    await page.waitForFunction(() => document.documentElement.lang === 'ru');
    assert.match(await text('view-warning-differs_from_server'), /доступна из браузера, но не с сервера/);
    assert.match(await text('pair-server'), /сервер интеграции/i);

    // One report alone still shows the single view.
    await page.fill('[data-testid=report-input]', browser);
    await page.click('[data-testid=report-show]');
    await page.waitForSelector('[data-testid=view]:not([hidden])');
    assert.equal(await page.locator('[data-testid=pair]').isHidden(), true);

    // Two browser reports: the core refuses to compare them, the page says why.
    await page.fill('[data-testid=report-input]', `${browser}\n${browser}`);
    await page.click('[data-testid=report-show]');
    await page.waitForSelector('[data-testid=input-error]:not([hidden])');
    assert.match(await text('input-error'), /CLI/);
  } finally {
    await page.close();
  }
});
