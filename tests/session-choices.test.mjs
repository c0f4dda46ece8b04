// What the wizard beside the page keeps in storage.session (SECURITY.md "Nothing secret is
// stored"): extension/choices.js `saveChoices` keeps only the four non-secret choices per Jira
// origin, whatever a caller passes, driven with a stand-in for the extension API.
// Run: `node --test tests/session-choices.test.mjs`.

import assert from 'node:assert/strict';
import { test } from 'node:test';

const session = {};
globalThis.chrome = {
  storage: {
    session: {
      async get(key) { return key in session ? { [key]: session[key] } : {}; },
      async set(items) { Object.assign(session, structuredClone(items)); },
      async remove(key) { delete session[key]; },
    },
  },
};
const { saveChoices, savedChoices } = await import('../extension/choices.js');

test('only target, login, project and auth are kept, per Jira origin; never a secret', async () => {
  await saveChoices('https://jira.example.com', {
    target: 'elma365', login: 'jdoe', project: 'PROJ', auth: 'basic',
    secret: 'hunter2-secret', token: 'tok-secret', extra: { secret: 'nested-secret' },
  });
  assert.deepEqual(Object.keys(session), ['choices:https://jira.example.com']);
  assert.deepEqual(session['choices:https://jira.example.com'], { target: 'elma365', login: 'jdoe', project: 'PROJ', auth: 'basic' });
  assert.ok(!JSON.stringify(session).includes('secret'), JSON.stringify(session));
  assert.deepEqual(await savedChoices('https://jira.example.com'), { target: 'elma365', login: 'jdoe', project: 'PROJ', auth: 'basic' });
  assert.equal(await savedChoices('https://other.example.com'), null, 'another Jira has its own');
});

test('values that are not short strings are dropped, on the way in and out', async () => {
  await saveChoices('https://a.example.com', { target: 42, login: 'x'.repeat(513), project: null, auth: 'pat' });
  assert.deepEqual(session['choices:https://a.example.com'], { auth: 'pat' });
  session['choices:https://b.example.com'] = { login: 'ok', secret: 'planted' };
  assert.deepEqual(await savedChoices('https://b.example.com'), { login: 'ok' });
});
