// Detection runs once per tab open (issue 21), in both browsers: the worker reads the tab once
// for the first paint and the confirmed detection (one snapshot for both), runs the full
// detection once — with every host permission the browser lists, so the Atlassian site a custom
// domain names is asked in the same run instead of a second detection — and keeps what it was
// made from (extension/kept.js). The worker counts what it did per tab in storage.session
// (`runs:<tabId>`: snapshots, firstPaints, detections), which these flows read from the wizard.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { withBrowser, withSims } from './common.mjs';

/**
 * What the worker counted for the active tab (the one the wizard follows), and the detections
 * it keeps for it.
 */
const runsHere = (w) =>
  w.eval(async () => {
    const api = globalThis.browser ?? chrome;
    const [tab] = await api.tabs.query({ active: true, currentWindow: true });
    const all = await api.storage.session.get(null);
    const kept = Object.entries(all).filter(([k, v]) => k.startsWith('detected:') && v.tabId === tab.id);
    return { runs: all[`runs:${tab.id}`] ?? null, kept: kept.map(([, v]) => v.detect.type) };
  });

const serverInfos = (sim) => sim.log.filter((e) => e.path.endsWith('/rest/api/2/serverInfo')).length;

/**
 * Opens the wizard following tabs on `first` (a page that is not Jira), then `url` in a new
 * tab — a tab never read before, so the worker's count for it starts at nothing — and runs
 * `body(wizard)`; always closes both.
 */
async function inNewTab(driver, first, url, body) {
  const wizard = await driver.openWizard(first, { follow: true });
  let tab = null;
  try {
    assert.equal(await wizard.settled(), 'ready');
    tab = await driver.openTab(url);
    return await body(wizard);
  } finally {
    await wizard.close();
    await tab?.close().catch(() => {});
  }
}

/** @param {'chromium'|'firefox'} name */
export function onceFlows(name) {
  describe(`${name}: one snapshot and one detection per tab open`, () => {
    const ctx = withBrowser(name, { hostPermission: true });

    test('the first paint and the confirmed detection share one snapshot; detection runs once', async () => {
      // 1.5 s injected per request: the page-only first paint is shown before the REST answer.
      const jiraSlow = { scenario: 'dc-9.12-cluster', latencyMs: 1_500 };
      await withSims(['not-atlassian', jiraSlow], (plain, jira) => inNewTab(ctx.driver, plain.url, jira.url, async (w) => {
        await w.waitFor(() => document.getElementById('app')?.dataset.state === 'provisional', null, 5_000);
        await w.waitFor(() => document.getElementById('app')?.dataset.state === 'ready', null, 20_000);
        assert.match(await w.text('summary'), /^Jira (Server\/)?Data Center 9\.12\.15/);
        const { runs, kept } = await runsHere(w);
        assert.deepEqual(runs, { snapshots: 1, firstPaints: 1, detections: 1 }, 'one snapshot for both answers');
        assert.deepEqual(kept, ['detect_page'], 'what the one detection was made from is kept');
        assert.equal(serverInfos(jira), 1, 'serverInfo asked once');
      }));
    });

    test('a custom domain whose Atlassian site is granted: one detection, not a second with the site', async () => {
      // The page names no site; its serverInfo names https://acme.atlassian.net, which the
      // install granted (`https://*.atlassian.net/*`): the core asks it in the same run.
      await withSims(['not-atlassian', 'custom-domain'], (plain, site) => inNewTab(ctx.driver, plain.url, site.url, async (w) => {
        // Done when the worker kept what the full detection was made from.
        let seen = await runsHere(w);
        for (let i = 0; i < 100 && seen.kept.length === 0; i++) {
          await new Promise((r) => setTimeout(r, 200));
          seen = await runsHere(w);
        }
        assert.deepEqual(seen.kept, ['detect_page'], JSON.stringify(seen));
        const { runs } = seen;
        assert.equal(runs?.snapshots, 1, JSON.stringify(runs));
        assert.equal(runs?.detections, 1, JSON.stringify(runs));
        assert.equal(serverInfos(site), 1, 'the custom domain asked once');
      }));
    });
  });
}
