// `url_normalized` from the popup: on a tab that is not Jira (here Confluence) the popup offers
// the URL field; an address typed as a page inside Jira (`/browse/KEY-1`) is detected at Jira's
// base URL and the detection says the address was shortened to it.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startSimulator } from '../simulator/server.mjs';
import { launchExtension } from './harness.mjs';

let ext;
before(async () => {
  ext = await launchExtension();
});
after(async () => {
  await ext?.close();
});

test('a typed /browse/ address: detected at the base URL, url_normalized says so', async () => {
  const [confluence, jira] = await Promise.all([
    startSimulator({ scenario: 'confluence' }), startSimulator({ scenario: 'dc-10.3' }),
  ]);
  try {
    const popup = await ext.openPopup(confluence.url);
    assert.equal(await popup.settled(), 'ready');
    assert.notEqual(await popup.text('url-form'), null, 'the URL field is offered');
    const typed = `${jira.baseUrl}/browse/PROJ-1`;
    await popup.submit('url-input', typed);
    await popup.waitFor(() => document.getElementById('app').dataset.product === 'jira', null, 10_000);
    assert.equal(await popup.settled(), 'ready');
    await popup.click('step-detect-btn');
    assert.equal(await popup.text('detail-baseUrl'), jira.baseUrl);
    const warning = await popup.text('warning-url_normalized');
    assert.ok(warning?.includes(typed) && warning.includes(jira.baseUrl), String(warning));
  } finally {
    await confluence.close();
    await jira.close();
  }
});
