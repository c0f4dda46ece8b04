// The shared flow of the helpdesk page's two-column view (issue 13, item 9): the wizard tests a
// PAT against the simulator and downloads its report (the browser's: `ok`); the REAL CLI checks
// the same login against a closed port and writes its report (the server's: `unreachable`).
// Pasted together into helpdesk.html they stand side by side — the browser's left, the
// server's right, the core's `differs_from_server` on top — and stack below 700 px, with
// nothing wider than a 360 px window. ../helpdesk-compare.test.mjs adds Russian, the single view
// and the refusal of two browser reports (Chromium).

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { buildCli, closedPort, runCli } from '../../cli/helpers.mjs';
import { runCheck, testDone, withBrowser, withSims, withWizard, openMore } from './common.mjs';

/** The CLI's report of `login` against a closed port: the server cannot reach Jira. */
async function serverReport(login) {
  const dir = mkdtempSync(join(tmpdir(), 'jtw-hd-'));
  try {
    const file = join(dir, 'server.json');
    const url = `http://127.0.0.1:${await closedPort()}`;
    const run = await runCli(['check', url, '--user', login, '--report', file], { env: { JIRA_TOKEN: 'not-a-real-secret-7f3a9c' } });
    const text = readFileSync(file, 'utf8');
    const report = JSON.parse(text);
    assert.equal(report.versions.tool, 'cli', run.stderr);
    assert.equal(report.verdict.code, 'unreachable');
    return text;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Where the two columns and the notice are, and how far anything reaches past the window. */
const layout = () => {
  const box = (id) => {
    const r = document.querySelector(`[data-testid="${id}"]`).getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  };
  const visible = (el) => !el.closest('[hidden]') && el.getClientRects().length > 0;
  const right = document.body.getBoundingClientRect().right;
  return {
    browser: box('pair-browser'),
    server: box('pair-server'),
    notice: box('pair-notice'),
    overflow: Math.max(
      document.documentElement.scrollWidth - document.documentElement.clientWidth,
      ...[...document.body.querySelectorAll('*')].filter((el) => visible(el) && !el.closest('.table-wrap'))
        .map((el) => el.getBoundingClientRect().right - right),
    ),
  };
};

/** @param {'chromium'|'firefox'} name */
export function helpdeskFlows(name) {
  describe(`${name}: the helpdesk page lays a browser report and a CLI report side by side`, () => {
    const ctx = withBrowser(name, { hostPermission: true });

    test('two columns, the difference on top; stacked under 700 px; no overflow at 360 px', async () => {
      buildCli();
      const login = 'jdoe';
      const browser = await withSims(['dc-9.12-cluster'], (sim) => withWizard(ctx.driver, sim.url, async (w) => {
        assert.equal(await w.settled(), 'ready');
        await runCheck(w, { login, secret: sim.credentials.users.jdoe.pat, auth: 'pat' });
        await testDone(w);
        assert.equal(await w.text('verdict-code'), 'ok');
        await w.waitFor(() => {
          const copy = document.querySelector('[data-testid=report-download]');
          return copy && !copy.closest('[hidden]') && !copy.disabled;
        }, null, 10_000);
        await openMore(w); // the report is under "More"
        await w.click('report-download');
        return w.eval(async () => (await fetch(document.querySelector('[data-testid=report-file]').href)).text());
      }));
      assert.equal(JSON.parse(browser).versions.tool, 'extension');
      const server = await serverReport(login);

      const page = await ctx.driver.openPage('helpdesk.html', { width: 1200, height: 900 });
      try {
        // The server's report first: the core says which is whose.
        await page.eval((text) => { document.querySelector('[data-testid=report-input]').value = text; }, `${server}\n${browser}`);
        await page.click('report-show');
        await page.waitFor(() => !document.querySelector('[data-testid=pair]').hidden, null, 10_000);
        assert.equal(await page.text('view'), null, 'no single view');
        assert.equal(await page.text('pair-browser-code'), 'ok');
        assert.equal(await page.text('pair-server-code'), 'unreachable');
        assert.equal(await page.attr('pair-notice', 'data-difference'), 'not_reachable');
        assert.match(await page.text('view-warning-differs_from_server'), /reachable from the browser, not from the server/);

        let at = await page.eval(layout);
        assert.ok(at.browser.x + at.browser.width <= at.server.x + 1, `two columns: ${JSON.stringify(at)}`);
        assert.ok(Math.abs(at.browser.y - at.server.y) < 2, 'the same row');
        assert.ok(at.notice.y + at.notice.height <= at.browser.y, 'the difference on top');
        assert.ok(at.overflow <= 0, `${at.overflow} px wider than the window`);
        await page.screenshot(`${name}-helpdesk-pair.png`);

        for (const width of [600, 360]) {
          await page.resize(width, 900);
          await page.waitFor((w) => window.innerWidth === w, width);
          at = await page.eval(layout);
          assert.ok(at.browser.y + at.browser.height <= at.server.y + 1, `${width} px: stacked: ${JSON.stringify(at)}`);
          assert.ok(at.server.x <= at.browser.x + 1, `${width} px: one column`);
          assert.ok(at.overflow <= 0, `${width} px: ${at.overflow} px wider than the window`);
        }
        await page.screenshot(`${name}-helpdesk-pair-360.png`);
      } finally {
        await page.close();
      }
    });
  });
}
