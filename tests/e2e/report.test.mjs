// The diagnostic report and the helpdesk page, end to end in the real extension: a token test
// against the simulator, "Copy report" (Markdown on the real clipboard) and "Download report"
// (the JSON file), neither holding the secret in any form; then support pastes the report into
// helpdesk.html and sees the customer's verdict, fix, checklist and requests, in EN and RU, and a
// clear message for anything that is not a report.
//
// Clipboard in headless Chromium: writeText works from the popup's click; readText needs CDP
// `Browser.grantPermissions` for the extension's origin (as in targets.test.mjs).

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startSite } from './sites.mjs';
import { launchExtension, openTestStep, withTimeout } from './harness.mjs';

const b64 = (s) => Buffer.from(s, 'utf8').toString('base64');
const leakForms = (login, secret) => [secret, b64(`${login}:${secret}`), b64(secret)];

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

/** Fills the token-test form, clicks Test, waits for the verdict and for the report to be ready. */
async function testAndReport(popup, { login, secret, auth }) {
  await popup.waitFor(() => !document.querySelector('[data-testid=token-test]').hidden);
  await popup.eval(([l, s, a]) => {
    const q = (id) => document.querySelector(`[data-testid="${id}"]`);
    q('test-login').value = l;
    q('test-secret').value = s;
    q('test-auth').value = a;
    q('test-auth').dispatchEvent(new Event('change'));
    q('test-run').click();
  }, [login, secret, auth]);
  await popup.waitFor(() => {
    const copy = document.querySelector('[data-testid=report-copy]');
    return !document.querySelector('[data-testid=check]').hidden && copy && !copy.disabled;
  }, null, 15_000);
  await openTestStep(popup);
}

/** Clicks "Copy report" and returns the clipboard's text. */
async function copyReport(popup) {
  await popup.eval(() => navigator.clipboard.writeText(''));
  await popup.click('report-copy');
  await popup.waitFor(() => /copied|скопирован/i.test(document.querySelector('[data-testid=report-status]').textContent));
  return popup.eval(() => navigator.clipboard.readText());
}

/** Clicks "Download report" and returns the file's name and text (read back from its blob URL). */
async function downloadReport(popup) {
  await popup.click('report-download');
  return popup.eval(async () => {
    const link = document.querySelector('[data-testid=report-file]');
    return { name: link.download, text: await (await fetch(link.href)).text() };
  });
}

/** Opens the helpdesk page in a tab. */
async function openHelpdesk() {
  const page = await ext.ctx.newPage();
  await page.goto(`chrome-extension://${ext.extId}/helpdesk.html`, { waitUntil: 'load' });
  return page;
}

/** Pastes `text` and waits for the core's answer: a view, a pair or an error. */
async function paste(page, text) {
  await page.click('[data-testid=report-clear]');
  await page.fill('[data-testid=report-input]', text);
  await page.click('[data-testid=report-show]');
  await page.waitForSelector('[data-testid=view]:not([hidden]), [data-testid=pair]:not([hidden]), [data-testid=input-error]:not([hidden])', { timeout: 10_000 });
}

const text = (page, testid) => page.locator(`[data-testid="${testid}"]`).innerText();

describe('a DC wrong password, reported and read by the helpdesk', () => {
  let sim;
  let markdown;
  let json;
  const login = 'jdoe';
  const secret = 'not-the-password-7431';

  before(async () => {
    sim = await startSite({ scenario: 'dc-9.12-cluster' });
  });
  after(async () => {
    await sim?.close();
  });

  test('the popup copies a Markdown report and downloads a JSON one, without the secret', async () => {
    const popup = await ext.openPopup(sim.url);
    try {
      assert.equal(await popup.settled(), 'ready');
      assert.equal(await popup.text('report-actions'), null, 'no report before a test');
      await testAndReport(popup, { login, secret, auth: 'basic' });
      assert.equal(await popup.text('verdict-code'), 'credentials_rejected');
      assert.match(await popup.text('report-status'), /no token or password/);

      markdown = await copyReport(popup);
      assert.match(markdown, /^# Jira Token Wizard — diagnostic report/);
      assert.match(markdown, /`credentials_rejected`/);
      assert.match(markdown, /\| Login \| jdoe \|/);
      assert.match(markdown, /x-seraph-loginreason: AUTHENTICATED_FAILED/);
      assert.match(markdown, /\| Tool \| Jira Token Wizard browser extension \d+\.\d+\.\d+/);
      assert.match(markdown, /\| Browser \/ OS \| Mozilla\/5\.0 .*Chrome\//);

      const file = await downloadReport(popup);
      assert.match(file.name, /^jira-report-\d{4}-\d\d-\d\dT[\dZ]+\.json$/);
      json = file.text;
      const report = JSON.parse(json);
      assert.equal(report.schema, 'jira-token-wizard/report@1');
      assert.equal(report.verdict.code, 'credentials_rejected');
      assert.deepEqual(report.tried, { method: 'basic', scheme: 'basic', login, target: 'generic' });
      assert.equal(report.versions.tool, 'extension');

      for (const out of [markdown, json]) {
        for (const form of leakForms(login, secret)) assert.ok(!out.includes(form), 'the report holds the secret');
        assert.ok(!/set-cookie|jsessionid|"authorization"/i.test(out), 'no credential headers');
      }
      // Russian: the same report, copied in the popup's other language.
      await popup.click('lang-ru');
      await popup.waitFor(() => document.documentElement.lang === 'ru');
      const ru = await copyReport(popup);
      assert.match(ru, /^# Мастер токенов Jira — диагностический отчёт/);
      assert.ok(ru.includes(report.verdict.fix.ru));
      await popup.click('lang-en');
    } finally {
      await popup.close();
    }
  });

  test('the helpdesk page shows the pasted report as the customer saw it', async () => {
    assert.ok(markdown && json, 'the popup test ran first');
    const page = await openHelpdesk();
    try {
      await page.click('[data-testid=lang-en]');
      await paste(page, markdown);
      await page.locator('[data-testid=view]').waitFor({ state: 'visible', timeout: 5_000 });
      assert.equal(await page.locator('[data-testid=input-error]').isHidden(), true);
      const report = JSON.parse(json);
      assert.equal(await text(page, 'view-summary'), report.deployment.summary.en);
      assert.equal(await text(page, 'view-verdict-code'), 'credentials_rejected');
      assert.equal(await text(page, 'view-verdict-title'), report.verdict.title.en);
      assert.equal(await text(page, 'view-verdict-cause'), report.verdict.cause.en);
      assert.equal(await text(page, 'view-verdict-fix'), report.verdict.fix.en);
      assert.equal(await text(page, 'fact-login'), 'jdoe');
      assert.match(await text(page, 'fact-tried'), /Username \+ password.*Basic/);
      assert.match(await text(page, 'view-check-reachable'), /✓\s*Jira answered/);
      assert.match(await text(page, 'view-check-authenticated'), /✗\s*Not authenticated/);
      const rows = page.locator('[data-testid=view-requests] tbody tr');
      assert.equal(await rows.count(), report.requests.length);
      const myself = page.locator('[data-testid=view-requests] tbody tr[data-id=myself]');
      assert.match(await myself.innerText(), /GET \/rest\/api\/2\/myself\s+Basic\s+401/);
      assert.match(await myself.innerText(), /x-seraph-loginreason: AUTHENTICATED_FAILED/);

      // EN/RU switch re-renders the same report.
      await page.click('[data-testid=lang-ru]');
      assert.equal(await text(page, 'view-verdict-fix'), report.verdict.fix.ru);
      assert.match(await text(page, 'view-check-authenticated'), /Вход не выполнен/);
      await page.click('[data-testid=lang-en]');

      // The bare JSON (the downloaded file) shows the same.
      await page.click('[data-testid=report-clear]');
      assert.equal(await page.locator('[data-testid=view]').isHidden(), true);
      await paste(page, json);
      assert.equal(await text(page, 'view-verdict-code'), 'credentials_rejected');
      await page.screenshot({ path: 'tests/e2e/artifacts/helpdesk.png', fullPage: true });
    } finally {
      await page.close();
    }
  });

  test('the helpdesk page explains input that is not a report', async () => {
    const page = await openHelpdesk();
    try {
      await page.click('[data-testid=lang-en]');
      const cases = [
        ['', /Paste a report first/],
        ['{"schema": "jira-token-wizard/report@1", "kind": ', /not valid JSON/],
        ['hello', /not valid JSON/],
        ['# Jira Token Wizard — diagnostic report\n\nno data here', /no JSON block/],
        ['{"name": "something else"}', /not a Jira Token Wizard report/],
        ['{"schema": "jira-token-wizard/report@9"}', /format this page does not know \(jira-token-wizard\/report@9\)/],
        [JSON.stringify({ ...JSON.parse(json), requests: 'none' }), /damaged: “requests”/],
      ];
      for (const [input, want] of cases) {
        await paste(page, input);
        const error = page.locator('[data-testid=input-error]');
        assert.equal(await error.isVisible(), true, `no error for ${JSON.stringify(input).slice(0, 60)}`);
        assert.match(await error.innerText(), want);
        assert.equal(await page.locator('[data-testid=view]').isHidden(), true);
        assert.equal(await page.getAttribute('[data-testid=report-input]', 'aria-invalid'), 'true');
      }
      await page.click('[data-testid=lang-ru]');
      await paste(page, 'hello');
      assert.match(await text(page, 'input-error'), /Это не JSON/);
      // Pasted text lands only in textContent: markup in a report is shown, never run.
      const hostile = JSON.parse(json);
      hostile.verdict.fix.ru = '<img src=x onerror="window.pwned=1">';
      await paste(page, JSON.stringify(hostile));
      assert.equal(await text(page, 'view-verdict-fix'), hostile.verdict.fix.ru);
      assert.equal(await page.evaluate(() => window.pwned ?? null), null);
    } finally {
      await page.close();
    }
  });
});

test('the popup links to the helpdesk page', async () => {
  const sim = await startSite({ scenario: 'cloud' });
  try {
    const popup = await ext.openPopup(sim.url);
    try {
      await popup.settled();
      const opened = ext.ctx.waitForEvent('page', { timeout: 5_000 });
      await popup.click('open-helpdesk');
      const page = await withTimeout(6_000, 'helpdesk tab', opened);
      await page.waitForLoadState('load');
      assert.equal(page.url(), `chrome-extension://${ext.extId}/helpdesk.html`);
      await page.close();
    } finally {
      await popup.close().catch(() => {});
    }
  } finally {
    await sim.close();
  }
});
