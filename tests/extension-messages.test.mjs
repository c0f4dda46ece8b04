// The service worker answers only the extension's own pages (SECURITY.md §7.4): the message
// wrapper in extension/browser.js, driven with a stand-in for the extension API.
// Run: `node --test tests/extension-messages.test.mjs`.

import assert from 'node:assert/strict';
import { test } from 'node:test';

let listener = null;
globalThis.chrome = {
  runtime: {
    id: 'ourid',
    getURL: (path) => `chrome-extension://ourid/${path}`,
    onMessage: { addListener: (fn) => { listener = fn; } },
  },
};
const { isOwnPage, onMessage } = await import('../extension/browser.js');

/** Sends `message` as `sender`; resolves with the reply and whether the handler ran. */
function send(sender) {
  let ran = false;
  onMessage(async () => { ran = true; return { ok: true }; });
  return new Promise((resolve) => {
    listener({ type: 'facts' }, sender, (reply) => resolve({ reply, ran }));
  });
}

test('the popup and the helpdesk page are answered', async () => {
  for (const url of ['chrome-extension://ourid/wizard.html', 'chrome-extension://ourid/helpdesk.html']) {
    const { reply, ran } = await send({ id: 'ourid', url });
    assert.ok(ran && reply.ok, url);
  }
});

test('content scripts, web pages and other extensions are not', async () => {
  for (const sender of [
    { id: 'ourid', url: 'https://jira.evil.example/', tab: { id: 1 } },
    { id: 'otherid', url: 'chrome-extension://otherid/wizard.html' },
    { id: 'ourid', url: 'chrome-extension://ourid.evil/wizard.html' },
    { id: 'ourid' },
    {},
  ]) {
    assert.equal(isOwnPage(sender), false, JSON.stringify(sender));
    const { reply, ran } = await send(sender);
    assert.equal(ran, false, JSON.stringify(sender));
    assert.equal(reply.error.code, 'bad_sender');
  }
});
