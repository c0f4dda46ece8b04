// Detection runs once per tab open (issue 21), in both browsers: the worker reads the tab once
// for the first paint and the confirmed detection (one snapshot for both), runs the full
// detection once — with every host permission the browser lists, so the Atlassian site a custom
// domain names is asked in the same run instead of a second detection — and keeps what it was
// made from (extension/kept.js). What the worker did is read from its own `jtw-step:*` measures
// (extension/timing.js, ../steps.mjs: `snapshot` for a page read, `core:detect_page_page_only`
// for a first paint, `core:detect_page` for a full detection) since the tab was opened; the
// extension keeps no count for the tests.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { workerSteps } from '../steps.mjs';
import { withBrowser, withSims } from './common.mjs';

/**
 * The detections the worker keeps for the active tab (the one the wizard follows), and what it
 * did since `since` (ms since the epoch): pages read, first paints, full detections. Read in
 * that order: a detection is kept after its step is measured.
 */
async function runsHere(driver, w, since) {
  const kept = await w.eval(async () => {
    const api = globalThis.browser ?? chrome;
    const [tab] = await api.tabs.query({ active: true, currentWindow: true });
    const all = await api.storage.session.get(null);
    return Object.entries(all).filter(([k, v]) => k.startsWith('detected:') && v.tabId === tab.id).map(([, v]) => v.detect.type);
  });
  const steps = (await workerSteps(driver, w)).filter((e) => e.at >= since);
  const count = (name) => steps.filter((e) => e.name === name).length;
  const runs = { snapshots: count('snapshot'), firstPaints: count('core:detect_page_page_only'), detections: count('core:detect_page') };
  return { runs, kept };
}

const serverInfos = (sim) => sim.log.filter((e) => e.path.endsWith('/rest/api/2/serverInfo')).length;

/**
 * Opens the wizard following tabs on `first` (a page that is not Jira), then `url` in a new
 * tab — a tab never read before — and runs `body(wizard, since)` (`since`: when the tab was
 * opened, ms since the epoch); always closes both.
 */
async function inNewTab(driver, first, url, body) {
  const wizard = await driver.openWizard(first, { follow: true });
  let tab = null;
  try {
    assert.equal(await wizard.settled(), 'ready');
    const since = Date.now();
    tab = await driver.openTab(url);
    return await body(wizard, since);
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
      await withSims(['not-atlassian', jiraSlow], (plain, jira) => inNewTab(ctx.driver, plain.url, jira.url, async (w, since) => {
        await w.waitFor(() => document.getElementById('app')?.dataset.state === 'provisional', null, 5_000);
        await w.waitFor(() => document.getElementById('app')?.dataset.state === 'ready', null, 20_000);
        assert.match(await w.text('summary'), /^Jira (Server\/)?Data Center 9\.12\.15/);
        const { runs, kept } = await runsHere(ctx.driver, w, since);
        assert.deepEqual(runs, { snapshots: 1, firstPaints: 1, detections: 1 }, 'one snapshot for both answers');
        assert.deepEqual(kept, ['detect_page'], 'what the one detection was made from is kept');
        assert.equal(serverInfos(jira), 1, 'serverInfo asked once');
      }));
    });

    test('a custom domain whose Atlassian site is granted: one detection, not a second with the site', async () => {
      // The page names no site; its serverInfo names https://acme.atlassian.net, which the
      // install granted (`https://*.atlassian.net/*`): the core asks it in the same run.
      await withSims(['not-atlassian', 'custom-domain'], (plain, site) => inNewTab(ctx.driver, plain.url, site.url, async (w, since) => {
        // Done when the worker kept what the full detection was made from.
        let seen = await runsHere(ctx.driver, w, since);
        for (let i = 0; i < 100 && seen.kept.length === 0; i++) {
          await new Promise((r) => setTimeout(r, 200));
          seen = await runsHere(ctx.driver, w, since);
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
