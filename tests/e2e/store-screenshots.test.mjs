// The stores' screenshots (issue 20 item 8): 1280×800, the size both the Chrome Web Store
// (https://developer.chrome.com/docs/webstore/images: 1280×800 or 640×400) and
// addons.mozilla.org take, in English and Russian, from a real run against the simulator. Each
// is the Jira tab (920 px) beside the wizard's side panel (360 px) as Chromium shows them, set
// side by side on one page (headless Chromium draws no browser frame). The Jira tab is the
// simulator's `showcase` page (tests/simulator/showcase.mjs: a header, projects and issues of
// our own making, with the meta tags detection reads), not its bare test page. And Chrome's
// small promo tile, 440×280 (same page), in English and Russian: the extension's icon, name and
// what it does, drawn from our own markup. They always go to tests/e2e/artifacts/; with
// JTW_STORE_SCREENSHOTS=1 also to store/screenshots/ and store/promo/ (committed; off by default
// because the simulator's port, shown in the screenshots, differs per run).
// tests/store-screenshots.test.mjs checks the committed ones' size, languages and that the tile
// is not blank.

import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { runCheck } from './flows/common.mjs';
import { launchExtension } from './harness.mjs';
import { startSite } from './sites.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const WIDTH = 1280;
const HEIGHT = 800;
const PANEL = 360;

let ext;
before(async () => {
  ext = await launchExtension();
});
after(async () => {
  await ext?.close();
});

/** Width and height of a PNG, from its IHDR chunk. @param {Buffer} png */
export function pngSize(png) {
  assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG', 'a PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

function save(name, png, dir = 'screenshots') {
  mkdirSync(join(ROOT, 'tests', 'e2e', 'artifacts'), { recursive: true });
  writeFileSync(join(ROOT, 'tests', 'e2e', 'artifacts', name), png);
  if (process.env.JTW_STORE_SCREENSHOTS === '1') {
    mkdirSync(join(ROOT, 'store', dir), { recursive: true });
    writeFileSync(join(ROOT, 'store', dir, name), png);
  }
}

/** The Jira tab and the side panel (scrolled as it is) side by side, 1280×800. */
async function storeShot(popup) {
  await popup.resize(PANEL, HEIGHT);
  const { data } = await popup.send('Page.captureScreenshot', { format: 'png' });
  const panel = Buffer.from(data, 'base64');
  assert.deepEqual(pngSize(panel), { width: PANEL, height: HEIGHT });
  await ext.page.setViewportSize({ width: WIDTH - PANEL - 1, height: HEIGHT });
  const tab = await ext.page.screenshot();
  const canvas = await ext.ctx.newPage();
  try {
    await canvas.setViewportSize({ width: WIDTH, height: HEIGHT });
    const src = (png) => `data:image/png;base64,${png.toString('base64')}`;
    await canvas.setContent(`<!doctype html><html><body style="margin:0;display:flex;background:#fff">
      <img src="${src(tab)}" width="${WIDTH - PANEL - 1}" height="${HEIGHT}" style="display:block">
      <div style="width:1px;height:${HEIGHT}px;background:#c7c7c7"></div>
      <img src="${src(panel)}" width="${PANEL}" height="${HEIGHT}" style="display:block">
    </body></html>`);
    await canvas.waitForFunction(() => [...document.images].every((i) => i.complete && i.naturalWidth > 0));
    const png = await canvas.screenshot({ clip: { x: 0, y: 0, width: WIDTH, height: HEIGHT } });
    assert.deepEqual(pngSize(png), { width: WIDTH, height: HEIGHT });
    return png;
  } finally {
    await canvas.close();
  }
}

/** Both languages of what the panel shows now: `<name>-en.png`, `<name>-ru.png`. */
async function bothLanguages(popup, name) {
  save(`${name}-en.png`, await storeShot(popup));
  await popup.click('lang-ru');
  await popup.waitFor(() => document.documentElement.lang === 'ru');
  save(`${name}-ru.png`, await storeShot(popup));
  await popup.click('lang-en');
  await popup.waitFor(() => document.documentElement.lang === 'en');
}

test('store: Jira Cloud detected, the token page and the steps', async () => {
  const sim = await startSite({ scenario: 'cloud', showcase: true });
  try {
    const popup = await ext.openPopup(sim.url);
    assert.equal(await popup.settled(), 'ready');
    assert.match(await popup.text('summary'), /^Jira Cloud\b/);
    assert.notEqual(await popup.text('token-page'), null, 'the token page is offered');
    await bothLanguages(popup, 'store-1-cloud-detected');
    await popup.close();
  } finally {
    await sim.close();
  }
});

test('store: ELMA365 on Data Center, the credential works, the connection block', async () => {
  const sim = await startSite({ scenario: 'dc-9.12-cluster', showcase: true });
  try {
    const popup = await ext.openPopup(sim.url);
    assert.equal(await popup.settled(), 'ready');
    await runCheck(popup, { target: 'elma365', login: 'admin', secret: sim.credentials.users.admin.password });
    assert.equal(await popup.text('verdict-code'), 'ok');
    await popup.eval(() => document.querySelector('[data-testid=verdict]')?.scrollIntoView({ block: 'start' }));
    await bothLanguages(popup, 'store-2-connection-block');
    await popup.close();
  } finally {
    await sim.close();
  }
});

test('store: a password Jira rejects, with the cause and the fix', async () => {
  const sim = await startSite({ scenario: 'dc-9.12-cluster', showcase: true });
  try {
    const popup = await ext.openPopup(sim.url);
    assert.equal(await popup.settled(), 'ready');
    await runCheck(popup, { login: 'jdoe', secret: 'not-the-password', auth: 'basic' });
    assert.equal(await popup.text('verdict-code'), 'credentials_rejected');
    await bothLanguages(popup, 'store-3-verdict-explained');
    await popup.close();
  } finally {
    await sim.close();
  }
});

/** The promo tile's words, per language: the name as each locale's manifest gives it. */
const TILE = {
  en: { lang: 'en', name: 'extension/_locales/en/messages.json', line: 'Which Jira is this? Find, create and test the right token.' },
  ru: { lang: 'ru', name: 'extension/_locales/ru/messages.json', line: 'Какая это Jira? Найдите, создайте и проверьте нужный токен.' },
};

test('store: the promo tile, 440×280, in English and Russian', async () => {
  const icon = readFileSync(join(ROOT, 'extension', 'icons', 'icon-128.png')).toString('base64');
  const page = await ext.ctx.newPage();
  try {
    await page.setViewportSize({ width: 440, height: 280 });
    for (const { lang, name, line } of Object.values(TILE)) {
      const title = JSON.parse(readFileSync(join(ROOT, name), 'utf8')).extName.message;
      await page.setContent(`<!doctype html><html lang="${lang}"><body style="margin:0">
        <div style="width:440px;height:280px;box-sizing:border-box;padding:34px 30px;display:flex;flex-direction:column;justify-content:space-between;
          background:linear-gradient(135deg,#1d4fb5 0%,#2f6fde 60%,#4f8cf0 100%);color:#fff;font-family:system-ui,'DejaVu Sans',sans-serif">
          <div style="display:flex;align-items:center;gap:18px">
            <div style="width:88px;height:88px;border-radius:20px;background:#fff;display:grid;place-items:center;flex:none">
              <img src="data:image/png;base64,${icon}" width="72" height="72" alt=""></div>
            <div style="font-size:29px;font-weight:700;line-height:1.15">${title}</div>
          </div>
          <div style="font-size:19px;line-height:1.35;font-weight:500">${line}</div>
        </div></body></html>`);
      await page.waitForFunction(() => [...document.images].every((i) => i.complete && i.naturalWidth > 0));
      const png = await page.screenshot({ clip: { x: 0, y: 0, width: 440, height: 280 } });
      assert.deepEqual(pngSize(png), { width: 440, height: 280 });
      save(`promo-tile-440x280-${lang}.png`, png, 'promo');
    }
  } finally {
    await page.close();
  }
});
