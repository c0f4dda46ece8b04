// What the service worker keeps of its detections (extension/kept.js) in storage.session: the
// raw inputs a later `check` names by id — one per tab, a newer one replacing it — also held in
// the worker's memory while it lives. Driven with a stand-in for the extension API.
// Run: `node --test tests/kept-detections.test.mjs`.

import assert from 'node:assert/strict';
import { test } from 'node:test';

const session = {};
globalThis.chrome = {
  storage: {
    session: {
      async get(key) { return key in session ? { [key]: structuredClone(session[key]) } : {}; },
      async set(items) { Object.assign(session, structuredClone(items)); },
      async remove(key) { delete session[key]; },
    },
  },
};
const { detected, keepDetection, keptDetection } = await import('../extension/kept.js');

const page = (url) => ({ type: 'detect_page', snapshot: { url }, options: { allowFetch: true } });
const answers = [[{ id: 'server_info', url: 'https://jira.example.com/rest/api/2/serverInfo', answer: { kind: 'timeout', elapsedMs: 1 } }]];

test('a detection is kept under a fresh id; the core gets its raw inputs, never a detection', async () => {
  const kept = { tabId: 7, detect: page('https://jira.example.com/'), answers, deployment: { hosting: 'self-managed', cloudFamily: null, reachedBaseUrl: 'https://jira.example.com' } };
  const id = await keepDetection(kept);
  assert.match(id, /^[0-9a-f-]{36}$/);
  assert.deepEqual(await keptDetection(id), kept);
  assert.deepEqual(detected(kept), { detect: kept.detect, answers });
  assert.equal(await keptDetection(crypto.randomUUID()), null, 'an id never given names nothing');
  assert.equal(await keptDetection('detected:../x'), null, 'nor does something that is no id');
});

test('one detection per tab: a newer one replaces it, other tabs and typed addresses keep theirs', async () => {
  const first = await keepDetection({ tabId: 9, detect: page('https://a.example/'), answers: [], deployment: { hosting: null, cloudFamily: null, reachedBaseUrl: null } });
  const typed = await keepDetection({ tabId: null, detect: { type: 'detect_url', url: 'https://b.example/', options: { allowFetch: true } }, answers: [], deployment: { hosting: null, cloudFamily: null, reachedBaseUrl: null } });
  const other = await keepDetection({ tabId: 10, detect: page('https://c.example/'), answers: [], deployment: { hosting: 'cloud', cloudFamily: 'commercial', reachedBaseUrl: null } });
  const second = await keepDetection({ tabId: 9, detect: page('https://a.example/'), answers, deployment: { hosting: null, cloudFamily: null, reachedBaseUrl: 'https://a.example' } });
  assert.equal(await keptDetection(first), null);
  assert.notEqual(await keptDetection(second), null);
  assert.notEqual(await keptDetection(typed), null);
  assert.equal((await keptDetection(other))?.deployment.hosting, 'cloud');
});

test('an id answers at once, and from storage.session once the worker restarted', async () => {
  const kept = { tabId: 11, detect: page('https://d.example/'), answers, deployment: { hosting: null, cloudFamily: null, reachedBaseUrl: 'https://d.example' } };
  const old = await keepDetection({ ...kept, answers: [] });
  const id = await keepDetection(kept);
  assert.deepEqual(await keptDetection(id), kept, 'before the storage write is done');
  // A restarted worker: the module loaded anew, nothing in memory.
  const restarted = await import('../extension/kept.js?restarted');
  for (let i = 0; i < 50 && !session[`detected:${id}`]; i++) await new Promise((r) => setTimeout(r, 1));
  assert.deepEqual(await restarted.keptDetection(id), kept);
  for (let i = 0; i < 50 && session[`detected:${old}`]; i++) await new Promise((r) => setTimeout(r, 1));
  assert.equal(await restarted.keptDetection(old), null, 'the replaced one is gone from storage too');
  assert.equal(Object.keys(session).filter((k) => k.startsWith('runs:')).length, 0, 'no per-tab counter');
});
