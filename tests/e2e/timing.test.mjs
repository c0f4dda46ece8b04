// The popup's User Timing marks (extension/wizard/timing.js), which the browser benchmark reads
// (bench/popup.mjs): a detect → token test on the simulator leaves `jtw:wizard-open`,
// `jtw:first-detection` (the page's own word, issue 12 item 5), `jtw:confirmed-detection` (the
// REST answer), `jtw:check-start` and `jtw:verdict` in that order, and the measures
// `jtw:time-to-first-detection`, `jtw:time-to-confirmed-detection` and `jtw:time-to-verdict`
// spanning them; a re-run replaces the
// test's marks, so the last test is measured. The entries carry no data (no token, login or
// URL). No duration is asserted: performance claims come from the benchmark, not from tests.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startSimulator } from '../simulator/server.mjs';
import { launchExtension } from './harness.mjs';
import { MARKS, MEASURES, runTokenTest, timings } from './popup-timing.mjs';

let ext;
before(async () => {
  ext = await launchExtension();
});
after(async () => {
  await ext?.close();
});

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

test('detect → token test: the marks in order, the measures between them, re-run replaces', async () => {
  const sim = await startSimulator({ scenario: 'dc-9.12-cluster' });
  try {
    const { login, pat } = sim.credentials.users.jdoe;
    const popup = await ext.openPopup(sim.url);
    assert.equal(await popup.settled(), 'ready');
    // Detection only: no test marks yet.
    const detected = await timings(popup);
    assertTimings(detected.entries, MARKS.slice(0, 3), MEASURES.slice(0, 2));

    assert.equal(await runTokenTest(popup, { login, secret: pat }), 'ok');
    const first = await timings(popup);
    assertTimings(first.entries, MARKS, MEASURES);
    assert.deepEqual(first.entries.filter((e) => !e.name.match(/check-start|verdict/)), detected.entries, 'the detection marks stay');

    // A second test (a refused password is a verdict too): its marks replace the first's.
    assert.equal(await runTokenTest(popup, { login, secret: 'not-the-password-7431', auth: 'basic' }), 'credentials_rejected');
    const second = await timings(popup);
    assertTimings(second.entries, MARKS, MEASURES);
    const firstVerdict = one(first.entries, 'jtw:verdict', 'mark').startTime;
    assert.ok(one(second.entries, 'jtw:check-start', 'mark').startTime >= firstVerdict, 'the second test is measured');

    const text = JSON.stringify(second);
    for (const data of [pat, 'not-the-password-7431', login, sim.url, '127.0.0.1']) {
      assert.ok(!text.includes(data), `${data} not in the timing entries`);
    }
    await popup.close();
  } finally {
    await sim.close();
  }
});
