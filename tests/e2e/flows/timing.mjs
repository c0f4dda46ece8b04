// The wizard's User Timing entries, in both browsers: what the browser benchmark reads
// (bench/popup.mjs). A detect → token test on the simulator leaves the marks `jtw:wizard-open`,
// `jtw:first-detection` (the page's own word, issue 12 item 5), `jtw:confirmed-detection` (the
// REST answer), `jtw:check-start` and `jtw:verdict` in that order, and the measures
// `jtw:time-to-first-detection`, `jtw:time-to-confirmed-detection` and `jtw:time-to-verdict`
// spanning them (extension/wizard/timing.js); a re-run replaces the test's marks, so the last
// test is measured. Where the time goes: the `jtw-step:*` measures (extension/timing.js) of the
// page and of the background exist for every step the benchmark breaks a run into, in the
// order the steps run. The entries carry no data (no token, login or URL). No duration is
// asserted: performance claims come from the benchmark, not from tests.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MARKS, MEASURES, runTokenTest, timings } from '../popup-timing.mjs';
import { pageSteps, workerSteps } from '../steps.mjs';
import { withBrowser, withSims } from './common.mjs';

/** The one entry named `name` of type `type` (fails when there is none or several). */
function one(entries, name, type) {
  const found = entries.filter((e) => e.name === name && e.entryType === type);
  assert.equal(found.length, 1, `one ${type} ${name}: ${JSON.stringify(entries)}`);
  return found[0];
}

/** Each mark once, in order; each measure spans its marks with a non-negative duration. */
function assertTimings(entries, marks, measures) {
  const names = entries.map((e) => `${e.entryType} ${e.name}`).sort();
  const expected = [...marks.map((m) => `mark ${m}`), ...measures.map(([m]) => `measure ${m}`)].sort();
  assert.deepEqual(names, expected);
  let previous = -Infinity;
  for (const name of marks) {
    const mark = one(entries, name, 'mark');
    assert.ok(mark.startTime >= 0 && mark.startTime >= previous, `${name} at ${mark.startTime}, after ${previous}`);
    previous = mark.startTime;
  }
  for (const [name, start, end] of measures) {
    const measure = one(entries, name, 'measure');
    const from = one(entries, start, 'mark').startTime;
    const to = one(entries, end, 'mark').startTime;
    assert.ok(measure.duration >= 0, `${name} duration ${measure.duration}`);
    assert.equal(measure.startTime, from, `${name} starts at ${start}`);
    assert.ok(Math.abs(measure.duration - (to - from)) < 1e-6, `${name} ends at ${end}`);
  }
  for (const e of entries) assert.equal(e.detail, null, `${e.name} carries no data`);
}

/**
 * The steps named, each at least once and with a non-negative duration; then for each
 * `[before, after]` pair, a `before` step ended before the first `after` one started (same
 * clock: one context's steps). Returns the steps by name.
 */
function assertSteps(steps, names, order, where) {
  const byName = (name) => steps.filter((e) => e.name === name);
  for (const name of names) {
    assert.ok(byName(name).length >= 1, `${where}: step ${name} in ${JSON.stringify(steps.map((e) => e.name))}`);
    for (const e of byName(name)) assert.ok(e.duration >= 0, `${where}: ${name} duration ${e.duration}`);
  }
  // 1 µs of slack: `at` is timeOrigin + startTime, summed in floating point.
  for (const [before, after] of order) {
    const firstAfter = Math.min(...byName(after).map((e) => e.at));
    const ended = byName(before).filter((e) => e.at + e.duration <= firstAfter + 1e-3);
    assert.ok(ended.length >= 1, `${where}: a ${before} step ended before ${after} started: ${JSON.stringify(steps)}`);
  }
}

/** @param {'chromium'|'firefox'} name */
export function timingFlows(name) {
  describe(`${name}: the wizard's timing marks and steps`, () => {
    const ctx = withBrowser(name, { hostPermission: true });

    test('detect → token test: the marks in order, the measures between them, re-run replaces', async () => {
      await withSims(['dc-9.12-cluster'], async (sim) => {
        const { login, pat } = sim.credentials.users.jdoe;
        const popup = await ctx.driver.openWizard(sim.url);
        try {
          assert.equal(await popup.settled(), 'ready');
          // Detection only: no test marks yet.
          const detected = await timings(popup);
          assertTimings(detected.entries, MARKS.slice(0, 3), MEASURES.slice(0, 2));

          assert.equal(await runTokenTest(popup, { login, secret: pat }), 'ok');
          const first = await timings(popup);
          assertTimings(first.entries, MARKS, MEASURES);
          assert.deepEqual(first.entries.filter((e) => !e.name.match(/check-start|verdict/)), detected.entries, 'the detection marks stay');

          // Where the time went: the page's steps and the background's, in the order they run.
          const page = await pageSteps(popup);
          assertSteps(page, ['facts', 'tab', 'first-reply', 'full-reply', 'render', 'check-reply'], [
            ['tab', 'first-reply'],
            ['tab', 'full-reply'],
            ['full-reply', 'check-reply'],
          ], 'page');
          const worker = await workerSteps(ctx.driver, popup);
          assertSteps(worker, [
            'wasm-compile', 'wasm-instantiate', 'snapshot', 'core:detect_page_page_only', 'core:detect_page',
            'message:detect_tab_page_only', 'message:detect_tab', 'core:check', 'fetch',
          ], [
            ['wasm-compile', 'wasm-instantiate'],
            ['wasm-instantiate', 'core:detect_page_page_only'],
            ['snapshot', 'core:detect_page_page_only'],
            ['snapshot', 'core:detect_page'],
            ['core:detect_page', 'core:check'],
          ], 'background');

          // A second test (a refused password is a verdict too): its marks replace the first's.
          assert.equal(await runTokenTest(popup, { login, secret: 'not-the-password-7431', auth: 'basic' }), 'credentials_rejected');
          const second = await timings(popup);
          assertTimings(second.entries, MARKS, MEASURES);
          const firstVerdict = one(first.entries, 'jtw:verdict', 'mark').startTime;
          assert.ok(one(second.entries, 'jtw:check-start', 'mark').startTime >= firstVerdict, 'the second test is measured');

          const text = JSON.stringify([second, page, worker.filter((e) => e.name !== 'fetch')]);
          for (const data of [pat, 'not-the-password-7431', login, sim.url, '127.0.0.1']) {
            assert.ok(!text.includes(data), `${data} not in the timing entries`);
          }
        } finally {
          await popup.close();
        }
      });
    });
  });
}
