// UI quality of the popup and the helpdesk page, in the real extension: every control has a
// label (an accessible name), the keyboard alone reaches every control in a sensible order and
// runs a token test, keyboard focus is visible, dark mode follows `prefers-color-scheme` with
// readable contrast, and nothing overflows 360 px — the helpdesk page's two-report compare view
// included (its columns stacked and labelled). Dark-mode pictures go to tests/e2e/artifacts/.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startSimulator } from '../simulator/server.mjs';
import { launchExtension } from './harness.mjs';

let ext;
let sim;
before(async () => {
  [ext, sim] = await Promise.all([launchExtension(), startSimulator({ scenario: 'dc-9.12-cluster' })]);
});
after(async () => {
  await ext?.close();
  await sim?.close();
});

/**
 * In a page: visible controls without an accessible name, images without alt, and whether the
 * document is wider than its viewport.
 */
function audit() {
  const visible = (el) => !el.closest('[hidden]') && el.getClientRects().length > 0;
  const nameOf = (el) => {
    if (el.getAttribute('aria-label')?.trim()) return el.getAttribute('aria-label').trim();
    const by = el.getAttribute('aria-labelledby');
    if (by) return by.split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join(' ').trim();
    if (el.labels?.length) return [...el.labels].map((l) => l.textContent).join(' ').trim();
    if (el.tagName === 'BUTTON' || el.tagName === 'A' || el.tagName === 'SUMMARY') return el.textContent.trim();
    return '';
  };
  const controls = [...document.querySelectorAll('input, select, textarea, button, a[href], summary, [tabindex]')].filter(visible);
  return {
    unnamed: controls.filter((el) => el.tagName !== 'DIV' && el.tagName !== 'H2' && !nameOf(el))
      .map((el) => el.dataset.testid ?? el.id ?? el.outerHTML.slice(0, 60)),
    images: [...document.images].filter((i) => i.getAttribute('alt') === null).map((i) => i.src),
    // How far anything reaches past the body's right edge, or past the viewport.
    overflow: Math.max(
      document.documentElement.scrollWidth - document.documentElement.clientWidth,
      // (inside a scrollable region such as the requests table, width is the region's business)
      ...[...document.body.querySelectorAll('*')].filter((el) => visible(el) && !el.closest('.table-wrap'))
        .map((el) => el.getBoundingClientRect().right - document.body.getBoundingClientRect().right),
    ),
    width: Math.round(document.body.getBoundingClientRect().width),
    controls: controls.length,
  };
}

/** Relative luminance contrast of two `rgb(…)` colours (WCAG 2). */
function contrast(a, b) {
  const lum = (c) => {
    const [r, g, bl] = c.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number).map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

async function key(popup, keyName, modifiers = 0) {
  const codes = { Tab: 9, Enter: 13, ' ': 32 };
  for (const type of ['keyDown', 'keyUp']) {
    await popup.send('Input.dispatchKeyEvent', {
      type, key: keyName, code: keyName === ' ' ? 'Space' : keyName, windowsVirtualKeyCode: codes[keyName], modifiers,
      ...(type === 'keyDown' && keyName === 'Enter' ? { text: '\r' } : {}),
    });
  }
}

/** The focused element: its test id (or id, or tag), its focus ring, and whether Tab was here before. */
const active = (popup) => popup.eval(() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  const seen = el.dataset.tabSeen === '1';
  if (el.dataset) el.dataset.tabSeen = '1';
  return { id: el.dataset?.testid || el.id || el.tagName.toLowerCase(), outline: style.outlineStyle, width: parseFloat(style.outlineWidth), seen };
});
const forgetTabs = (popup) => popup.eval(() => document.querySelectorAll('[data-tab-seen]').forEach((e) => delete e.dataset.tabSeen));

test('the popup: labels, keyboard only, visible focus, 360 px', async () => {
  const popup = await ext.openPopup(`${sim.baseUrl}/test-login?user=jdoe`);
  try {
    assert.equal(await popup.settled(), 'ready');
    await popup.waitFor(() => !document.querySelector('[data-testid=token-test]').hidden);
    let a = await popup.eval(audit);
    assert.deepEqual(a.unnamed, [], 'controls without a label');
    assert.deepEqual(a.images, [], 'images without alt');
    assert.equal(a.width, 360);
    assert.ok(a.overflow <= 0, `the popup is ${a.overflow} px wider than 360`);

    // Tab from the top reaches every control in reading order; nothing hidden takes focus. The
    // stepper opens at step 2 (get the token): steps 1 and 3 are headings until opened.
    const tabAll = async () => {
      await forgetTabs(popup);
      await popup.eval(() => document.querySelector('[data-testid=lang-en]').focus());
      const order = [(await active(popup)).id];
      for (let i = 0; i < 60; i += 1) {
        await key(popup, 'Tab');
        const now = await active(popup);
        // A date field's day, month and year are Tab stops of one element.
        if (now.seen && now.id === order[order.length - 1]) continue;
        if (now.seen || now.id === 'body') break;
        order.push(now.id);
        assert.notEqual(now.outline, 'none', `no visible focus on ${now.id}`);
        assert.ok(now.width >= 2, `focus ring on ${now.id} is ${now.width} px`);
      }
      return order;
    };
    let order = await tabAll();
    // Step 1 asks the integration (one radio group: one Tab stop); the next action sits in the
    // footer, after the steps.
    const want = ['lang-en', 'lang-ru', 'step-detect-btn', 'integration-generic', 'step-token-btn', 'token-page', 'expiry-date', 'pat-name', 'pat-days',
      'pat-start', 'step-test-btn', 'step-next-test', 'open-helpdesk'];
    for (const id of want) assert.ok(order.includes(id), `Tab never reaches ${id}: ${order.join(' → ')}`);
    let at = (id) => order.indexOf(id);
    assert.ok(at('lang-en') < at('step-detect-btn') && at('step-detect-btn') < at('integration-generic')
      && at('integration-generic') < at('step-token-btn') && at('step-token-btn') < at('pat-name')
      && at('pat-start') < at('step-test-btn') && at('step-test-btn') < at('step-next-test'),
      `reading order: ${order.join(' → ')}`);
    assert.ok(!order.includes('test-secret'), 'a folded step takes no focus');
    assert.equal(await popup.attr('step-token-btn', 'aria-current'), 'step');
    assert.equal(await popup.attr('step-token-btn', 'aria-expanded'), 'true');
    assert.equal(await popup.attr('step-test-btn', 'aria-expanded'), 'false');

    // "I have the token — test it", by keyboard: step 3 opens, focus lands in its form.
    await popup.eval(() => document.querySelector('[data-testid=step-next-test]').focus());
    await key(popup, 'Enter');
    assert.match((await active(popup)).id, /^test-(login|secret)$/);
    assert.equal(await popup.attr('step-test-btn', 'aria-expanded'), 'true');
    assert.equal(await popup.attr('step-token-btn', 'aria-expanded'), 'false');
    order = await tabAll();
    for (const id of ['test-login', 'test-secret', 'test-reveal', 'test-auth', 'test-project', 'test-run']) {
      assert.ok(order.includes(id), `Tab never reaches ${id}: ${order.join(' → ')}`);
    }
    at = (id) => order.indexOf(id);
    assert.ok(at('step-test-btn') < at('test-login') && at('test-secret') < at('test-run'), `reading order: ${order.join(' → ')}`);
    assert.ok(!order.includes('pat-name'), 'the folded step 2 takes no focus');
    a = await popup.eval(audit);
    assert.deepEqual(a.unnamed, [], 'controls without a label in step 3');
    assert.ok(a.overflow <= 0, `step 3 open: the popup is ${a.overflow} px wider than 360`);

    // Keyboard only: type the secret, press Enter, read the verdict; then reach the report buttons.
    await popup.eval(() => document.querySelector('[data-testid=test-login]').focus());
    await popup.send('Input.insertText', { text: 'jdoe' });
    await key(popup, 'Tab');
    assert.equal((await active(popup)).id, 'test-secret');
    await popup.send('Input.insertText', { text: 'wrong-password-1' });
    await popup.eval(() => { document.querySelector('[data-testid=test-auth]').value = 'basic'; });
    await key(popup, 'Enter');
    await popup.waitFor(() => !document.querySelector('[data-testid=check]').hidden
      && !document.querySelector('[data-testid=report-copy]').disabled, null, 15_000);
    assert.equal(await popup.text('verdict-code'), 'credentials_rejected');
    assert.equal((await active(popup)).id, 'verdict', 'the verdict takes the focus');
    const after = [];
    for (let i = 0; i < 12; i += 1) {
      await key(popup, 'Tab');
      after.push((await active(popup)).id);
    }
    assert.ok(after.includes('more-toggle') && after.includes('test-run'), `after the test: ${after.join(' → ')}`);
    // The report buttons, under "More", by keyboard.
    await popup.eval(() => document.querySelector('[data-testid=more-toggle]').focus());
    await key(popup, 'Enter');
    await popup.waitFor(() => document.querySelector('[data-testid=more]').open);
    const more = [];
    for (let i = 0; i < 12; i += 1) {
      await key(popup, 'Tab');
      more.push((await active(popup)).id);
    }
    assert.ok(more.includes('report-copy') && more.includes('report-download'), `under More: ${more.join(' → ')}`);
    a = await popup.eval(audit);
    assert.deepEqual(a.unnamed, [], 'controls without a label after the test');
    assert.ok(a.overflow <= 0, `after the test the popup is ${a.overflow} px too wide`);

    // The PAT confirmation is reachable and operable by keyboard too (step 2 opened again).
    await popup.eval(() => document.querySelector('[data-testid=step-token-btn]').focus());
    await key(popup, 'Enter');
    assert.equal(await popup.attr('step-token-btn', 'aria-expanded'), 'true');
    await popup.eval(() => document.querySelector('[data-testid=pat-start]').focus());
    await key(popup, 'Enter');
    await popup.waitFor(() => !document.querySelector('[data-testid=pat-confirm]').hidden);
    assert.equal((await active(popup)).id, 'pat-yes');
    await key(popup, 'Tab');
    assert.equal((await active(popup)).id, 'pat-no');
    await key(popup, 'Enter');
    assert.equal((await active(popup)).id, 'pat-start', 'Cancel returns focus to the button');
    assert.ok(!sim.log.some((e) => e.method === 'POST'), 'nothing was created');
  } finally {
    await popup.close();
  }
});

test('dark mode follows the system and keeps text readable', async () => {
  const popup = await ext.openPopup(sim.url);
  try {
    assert.equal(await popup.settled(), 'ready');
    const colors = () => popup.eval(() => {
      const body = getComputedStyle(document.body);
      const muted = getComputedStyle(document.querySelector('.muted') ?? document.body);
      const primary = getComputedStyle(document.querySelector('button.primary:not([hidden])') ?? document.body);
      return { bg: body.backgroundColor, fg: body.color, muted: muted.color, btnBg: primary.backgroundColor, btnFg: primary.color };
    });
    const light = await colors();
    await popup.send('Emulation.setEmulatedMedia', { features: [{ name: 'prefers-color-scheme', value: 'dark' }] });
    const dark = await colors();
    assert.notEqual(dark.bg, light.bg, 'the background changes in dark mode');
    for (const [mode, c] of [['light', light], ['dark', dark]]) {
      assert.ok(contrast(c.fg, c.bg) >= 7, `${mode}: text contrast ${contrast(c.fg, c.bg).toFixed(2)}`);
      assert.ok(contrast(c.muted, c.bg) >= 4.5, `${mode}: muted text contrast ${contrast(c.muted, c.bg).toFixed(2)}`);
      assert.ok(contrast(c.btnFg, c.btnBg) >= 4.5, `${mode}: button contrast ${contrast(c.btnFg, c.btnBg).toFixed(2)}`);
    }
    assert.ok(contrast(dark.bg, 'rgb(0,0,0)') < 2, 'the dark background is dark');
    await popup.screenshot('popup-dark.png');
  } finally {
    await popup.close();
  }
});

test('the helpdesk page at 360 px, light and dark: labelled, no page overflow', async () => {
  const page = await ext.ctx.newPage();
  try {
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto(`chrome-extension://${ext.extId}/helpdesk.html`, { waitUntil: 'load' });
    const report = {
      schema: 'jira-token-wizard/report@1', kind: 'detection', generatedAt: '2025-01-31T09:30:00Z', environment: 'x',
      versions: { tool: 'cli', toolVersion: '0.1.0', core: '0.1.0', jira: '9.12.15', jiraBuild: 9120015 },
      deployment: { product: 'jira', hosting: 'self-managed', baseUrl: 'https://jira.example.com/a/very/long/context/path/that/goes/on',
        summary: { en: 'Jira Data Center 9.12.15', ru: 'Jira Data Center 9.12.15' } },
      recommended: 'pat', tried: null, verdict: null, checklist: [], user: null, permissions: null, warnings: [],
      requests: [{ id: 'server_info', method: 'GET', origin: 'https://jira.example.com', path: `/a/very/long/context/path/rest/api/2/serverInfo?${'x'.repeat(120)}`,
        auth: 'None', status: 200, outcome: 'response', ms: 12, headers: { 'x-anodeid': 'node-with-a-long-name-'.repeat(5) } }],
    };
    await page.fill('[data-testid=report-input]', JSON.stringify(report));
    await page.click('[data-testid=report-show]');
    for (const scheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme: scheme });
      const a = await page.evaluate(audit);
      assert.deepEqual(a.unnamed, [], `${scheme}: unlabelled controls`);
      assert.ok(a.overflow <= 0, `${scheme}: the page is ${a.overflow} px wider than 360`);
      await page.screenshot({ path: `tests/e2e/artifacts/helpdesk-360-${scheme}.png`, fullPage: true });
    }
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    assert.notEqual(focused, 'none');
  } finally {
    await page.close();
  }
});

test('the helpdesk page in Russian at 300 and 360 px: the language buttons whole, nothing cut', async () => {
  const page = await ext.ctx.newPage();
  try {
    await page.goto(`chrome-extension://${ext.extId}/helpdesk.html`, { waitUntil: 'load' });
    await page.click('[data-testid=lang-ru]');
    for (const width of [300, 360]) {
      await page.setViewportSize({ width, height: 700 });
      const boxes = await page.evaluate(() => ['lang-en', 'lang-ru'].map((id) => {
        const r = document.querySelector(`[data-testid=${id}]`).getBoundingClientRect();
        return { id, left: r.left, right: r.right, width: r.width };
      }));
      for (const b of boxes) {
        assert.ok(b.left >= 0 && b.right <= width && b.width > 0, `${width} px: ${b.id} is cut: ${JSON.stringify(b)}`);
      }
      const a = await page.evaluate(audit);
      assert.ok(a.overflow <= 0, `${width} px: the page is ${a.overflow} px wider than the window`);
      await page.screenshot({ path: `tests/e2e/artifacts/helpdesk-ru-${width}.png` });
    }
    // The language is kept (storage.local): back to English for the tests after this one.
    await page.click('[data-testid=lang-en]');
    await page.waitForFunction(async () => {
      const stored = await globalThis.chrome.storage.local.get(null);
      return document.documentElement.lang === 'en' && !Object.values(stored).includes('ru');
    });
  } finally {
    await page.close();
  }
});

test('the helpdesk compare view at 360 px: keyboard only, both columns stacked and labelled, no overflow', async () => {
  const page = await ext.ctx.newPage();
  try {
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto(`chrome-extension://${ext.extId}/helpdesk.html`, { waitUntil: 'load' });
    const text = (en) => ({ en, ru: en });
    const long = '/a/very/long/context/path/that/goes/on';
    const report = (tool, code, ok) => ({
      schema: 'jira-token-wizard/report@1', kind: 'check', generatedAt: '2025-01-31T09:30:00Z',
      environment: tool === 'cli' ? 'linux x86_64' : 'Mozilla/5.0 (X11; Linux x86_64) a-long-user-agent-string-without-spaces-'.repeat(2),
      versions: { tool, toolVersion: '0.1.0', core: '0.1.0', jira: '9.12.15', jiraBuild: 9120015 },
      deployment: { product: 'jira', hosting: 'self-managed', baseUrl: `https://jira.example.com${long}`,
        summary: text('Jira Data Center 9.12.15') },
      recommended: 'pat', tried: { method: 'pat', scheme: 'bearer', login: 'jdoe', target: 'generic' },
      verdict: { code, ok, title: text(`verdict ${code}`), cause: text('a cause'), fix: text('a fix') },
      checklist: [{ id: 'reachable', state: ok ? 'ok' : 'fail', text: text('Jira answered') }], user: null, permissions: null, warnings: [],
      requests: [{ id: 'myself', method: 'GET', origin: 'https://jira.example.com', path: `${long}/rest/api/2/myself?${'x'.repeat(120)}`,
        auth: 'Bearer', status: ok ? 200 : null, outcome: ok ? 'response' : 'unreachable', ms: 12, headers: {} }],
    });
    const pasted = `${JSON.stringify(report('cli', 'unreachable', false))}\n${JSON.stringify(report('extension', 'ok', true))}`;

    // Keyboard only: Tab to the paste field, type, Tab to "Show report", Enter.
    const focused = () => page.evaluate(() => {
      const el = document.activeElement;
      const style = getComputedStyle(el);
      return { id: el.dataset?.testid || el.id || el.tagName.toLowerCase(), outline: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    const order = [];
    for (let i = 0; i < 10 && !order.includes('report-input'); i += 1) {
      await page.keyboard.press('Tab');
      const now = await focused();
      order.push(now.id);
      assert.notEqual(now.outline, 'none', `no visible focus on ${now.id}`);
    }
    assert.ok(order.includes('report-input'), `Tab never reaches the paste field: ${order.join(' → ')}`);
    await page.keyboard.insertText(pasted);
    await page.keyboard.press('Tab');
    const show = await focused();
    assert.equal(show.id, 'report-show');
    assert.ok(show.outline !== 'none' && show.width >= 2, `focus ring on report-show: ${show.outline} ${show.width} px`);
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid=pair]:not([hidden])', { timeout: 10_000 });
    assert.equal((await focused()).id, 'pair-title', 'the focus moves to the comparison');

    const columns = () => page.evaluate(() => ['pair-browser', 'pair-server'].map((id) => {
      const col = document.querySelector(`[data-testid="${id}"]`);
      const r = col.getBoundingClientRect();
      const label = (col.getAttribute('aria-labelledby') ?? '').split(/\s+/)
        .map((ref) => document.getElementById(ref)?.textContent ?? '').join(' ').trim();
      return { id, x: r.x, y: r.y, width: r.width, height: r.height, label, code: col.querySelector('code')?.textContent };
    }));
    for (const scheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme: scheme });
      const a = await page.evaluate(audit);
      assert.deepEqual(a.unnamed, [], `${scheme}: unlabelled controls`);
      assert.ok(a.overflow <= 0, `${scheme}: the compare view is ${a.overflow} px wider than 360`);
      const [browser, server] = await columns();
      assert.equal(browser.label, 'Browser (extension)');
      assert.equal(server.label, 'Integration\'s server (CLI)');
      assert.equal(browser.code, 'ok');
      assert.equal(server.code, 'unreachable');
      assert.ok(browser.y + browser.height <= server.y + 1, `${scheme}: stacked: ${JSON.stringify([browser, server])}`);
      assert.ok(browser.width > 300 && Math.abs(browser.width - server.width) < 1, `${scheme}: full-width columns`);
      await page.screenshot({ path: `tests/e2e/artifacts/helpdesk-pair-360-${scheme}.png`, fullPage: true });
    }

    // Tab on from the comparison: only visible controls, each with a visible focus ring.
    for (let i = 0; i < 8; i += 1) {
      await page.keyboard.press('Tab');
      const now = await page.evaluate(() => {
        const el = document.activeElement;
        return { id: el.dataset?.testid || el.id || el.tagName.toLowerCase(), hidden: Boolean(el.closest('[hidden]')), outline: getComputedStyle(el).outlineStyle };
      });
      if (now.id === 'body') break;
      assert.equal(now.hidden, false, `Tab reached hidden ${now.id}`);
      assert.notEqual(now.outline, 'none', `no visible focus on ${now.id}`);
    }
  } finally {
    await page.close();
  }
});
