// The EN/RU switch: the popup's own words (ui-strings.js) and the core's {en, ru} texts turn
// Russian at once, without a new detection, and the choice is remembered across popups.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startSimulator } from '../simulator/server.mjs';
import { launchExtension } from './harness.mjs';

let ext;
let sim;
before(async () => {
  [ext, sim] = await Promise.all([launchExtension(), startSimulator({ scenario: 'dc-9.12-cluster' })]);
});
after(async () => {
  await ext?.close();
  await sim?.close();
});

test('the language switch turns the popup Russian and is remembered', async () => {
  let popup = await ext.openPopup(sim.url);
  assert.equal(await popup.settled(), 'ready');
  assert.equal(await popup.attr('lang-en', 'aria-pressed'), 'true', 'the browser UI is English here');
  assert.match(await popup.text('summary'), / at http/);
  const requestsBefore = sim.log.length;

  await popup.click('lang-ru');
  assert.equal(await popup.attr('lang-ru', 'aria-pressed'), 'true');
  assert.equal(await popup.eval(() => document.documentElement.lang), 'ru');
  assert.match(await popup.text('summary'), /^Jira Data Center 9\.12\.15 по адресу http/);
  assert.equal(await popup.text('method'), 'Персональный токен доступа (Bearer)');
  assert.match(await popup.text('steps'), /Откройте/);
  // The stepper in Russian: titles, where the user is, and the screen reader's "step n of m".
  assert.match(await popup.text('step-detect-btn'), /^✓ Шаг 1 из 4: Что это за Jira Готово$/);
  assert.match(await popup.text('step-token-btn'), /^2 Шаг 2 из 4: Получить токен Сейчас$/);
  assert.equal(await popup.text('step-next-test'), 'Токен получен — проверить');
  await popup.click('step-detect-btn');
  assert.equal(await popup.text('detail-edition'), 'Data Center (кластер)');
  assert.equal(await popup.eval(() => document.querySelector('#url-submit').textContent), 'Определить');
  assert.equal(sim.log.length, requestsBefore, 'switching language does not detect again');
  await popup.close();

  popup = await ext.openPopup(sim.url);
  assert.equal(await popup.settled(), 'ready');
  assert.equal(await popup.attr('lang-ru', 'aria-pressed'), 'true', 'remembered in storage');
  assert.match(await popup.text('summary'), /по адресу/);
  await popup.click('lang-en');
  assert.match(await popup.text('summary'), / at http/);
  await popup.close();
});
