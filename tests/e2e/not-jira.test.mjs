// A tab that is not Jira (scenario `confluence`, facts §2.2: Confluence carries AJS meta too)
// says so and offers the URL field; a typed Jira URL is then detected from the popup.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startSimulator } from '../simulator/server.mjs';
import { launchExtension } from './harness.mjs';

let ext;
let confluence;
let jira;
before(async () => {
  [ext, confluence, jira] = await Promise.all([
    launchExtension(),
    startSimulator({ scenario: 'confluence' }),
    startSimulator({ scenario: 'dc-10.3' }),
  ]);
});
after(async () => {
  await ext?.close();
  await confluence?.close();
  await jira?.close();
});

test('a Confluence tab is not Jira; a typed Jira URL is detected', async (t) => {
  const started = Date.now();
  const popup = await ext.openPopup(confluence.url);
  assert.equal(await popup.settled(), 'ready');
  t.diagnostic(`launch ${ext.launchMs} ms, popup ready ${Date.now() - started} ms`);

  assert.match(await popup.text('summary'), /Confluence.*not Jira/);
  assert.equal(await popup.text('method'), null, 'no plan for a non-Jira page');
  assert.notEqual(await popup.text('url-form'), null, 'the URL field is offered');
  assert.ok(
    !confluence.log.some((e) => e.path.includes('/rest/')),
    'nothing asked of a page that says it is Confluence',
  );

  await popup.submit('url-input', 'not a url at all');
  assert.match(await popup.text('url-error'), /https:\/\//);

  await popup.submit('url-input', jira.baseUrl);
  await popup.waitFor(() => document.getElementById('app').dataset.product === 'jira', null, 10_000);
  assert.equal(await popup.settled(), 'ready');
  assert.match(await popup.text('summary'), /^Jira .*10\.3/);
  assert.equal(await popup.attr('method', 'data-method'), 'pat');
  assert.equal(await popup.text('url-form'), null, 'the URL field goes away once Jira is found');
  await popup.close();
});

test('a plain web page is not Jira', async () => {
  const plain = await startSimulator({ scenario: 'not-atlassian' });
  try {
    const popup = await ext.openPopup(plain.url);
    assert.equal(await popup.settled(), 'ready');
    assert.equal(await popup.text('summary'), 'This page is not Jira');
    assert.notEqual(await popup.text('url-form'), null);
    await popup.close();
  } finally {
    await plain.close();
  }
});

test('a page the extension cannot read offers the URL field', async () => {
  const popup = await ext.openPopup('about:blank');
  assert.equal(await popup.settled(), 'error');
  assert.match(await popup.text('status'), /cannot be read/);
  assert.notEqual(await popup.text('url-form'), null);
  await popup.close();
});
