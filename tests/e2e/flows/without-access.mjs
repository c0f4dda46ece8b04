// The shared flows without host access: the page alone, the worker's refusals, the prompt
// refused and granted.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { answersPermissionPrompts } from '../browsers/index.mjs';
import {
  LOCAL_PATTERN, NO_PROMPTS, authorized, rest, portOf, withBrowser, withWizard, withSims,
} from './common.mjs';

/** @param {'chromium'|'firefox'} name */
export function withoutAccessFlows(name) {
  const prompts = answersPermissionPrompts(name);

  describe(`${name}: without host access`, () => {
    const ctx = withBrowser(name, { hostPermission: false });

    test('the page alone is read after the toolbar click; Allow access refused', async () => {
      await withSims(['dc-9.12-cluster'], (sim) => withWizard(ctx.driver, sim.url, async (w) => {
        assert.equal(await w.settled(), 'ready');
        assert.match(await w.text('summary'), /^Jira .*9\.12\.15/);
        assert.equal(await w.text('detail-version'), '9.12.15');
        assert.equal(await w.attr('method', 'data-method'), 'pat');
        assert.notEqual(await w.text('warning-host_permission_needed'), null);
        assert.equal(await w.text('allow-access'), `Allow access to ${sim.origin}`, 'the origin, with its port');
        const asked = await w.withPermissionPrompt('deny', () => w.click('allow-access'));
        assert.deepEqual(asked, [{ origins: [LOCAL_PATTERN] }], 'the host is asked for, not host:port');
        await w.waitFor(() => /not granted|denied/i.test(document.querySelector('[data-testid=warnings]').textContent));
        assert.notEqual(await w.text('allow-access'), null, 'the offer stays');
        assert.equal(await w.text('token-test'), null, 'no token test without access');
        assert.deepEqual(rest(sim), [], 'no REST request without access');
      }));
    });

    test('the service worker refuses check and create_pat for an origin it has no access to', async () => {
      // The popup never sends these without access; a page of ours that did (a bug) must still
      // be refused by the worker, and nothing may reach the origin: not the credential, not the
      // session, not even a preflight. A page cannot claim a detection reached Jira either: a
      // check names the detection the worker keeps (kept.js), and a made-up id names none.
      await withSims(['dc-9.12-cluster'], (sim) => withWizard(ctx.driver, sim.url, async (w) => {
        assert.equal(await w.settled(), 'ready');
        const asked = await w.eval(async (url) => {
          const send = (m) => (globalThis.browser ?? chrome).runtime.sendMessage(m);
          const detected = await send({ type: 'detect_url', url });
          const input = {
            login: 'admin', secret: 'NDAyNjM5NzQ3NTk2OtestTOKENvalue1234', auth: 'auto', target: 'generic',
            project: null, requiredPermissions: [], gateway: null, keyMaterial: null, now: new Date().toISOString(),
          };
          // The tab the wizard is for (Firefox names it in the URL; any id will do: the
          // host permission is checked before the tab is touched).
          const tabId = Number(new URLSearchParams(location.search).get('tab') ?? 0);
          const madeUp = crypto.randomUUID();
          return {
            detected: detected.ok,
            allowed: detected.allowFetch,
            kept: typeof detected.detectionId === 'string',
            check: await send({ type: 'check', detectionId: detected.detectionId, input }),
            pat: await send({ type: 'create_pat', detectionId: detected.detectionId, name: 'wizard', expirationDays: 30, tabId }),
            madeUpCheck: await send({ type: 'check', detectionId: madeUp, input }),
            madeUpPat: await send({ type: 'create_pat', detectionId: madeUp, name: 'wizard', expirationDays: 30, tabId }),
          };
        }, sim.url);
        assert.equal(asked.detected, true);
        assert.equal(asked.allowed, false, 'the detection itself says there is no access');
        assert.equal(asked.kept, true, 'the detection is kept under an id');
        // It reached no Jira: the core sends no credential (its verdict says why), no PAT is asked.
        assert.ok(!asked.check.ok || asked.check.result.verdict.ok === false, JSON.stringify(asked.check).slice(0, 500));
        assert.deepEqual(asked.pat, { ok: false, error: { code: 'host_not_allowed', message: 'no Jira was reached' } });
        for (const reply of [asked.madeUpCheck, asked.madeUpPat]) {
          assert.equal(reply.ok, false);
          assert.equal(reply.error.code, 'bad_message');
          assert.match(reply.error.message, /no detection kept under that id/);
        }
        assert.deepEqual(rest(sim), [], 'nothing reached the origin: no credential, no session, no preflight');
        assert.deepEqual(authorized(sim), []);
      }));
    });

    test('a typed address refused at the prompt: said, nothing asked', async () => {
      await withSims(['confluence', 'dc-10.3'], (confluence, jira) => withWizard(ctx.driver, confluence.url, async (w) => {
        assert.equal(await w.settled(), 'ready');
        assert.match(await w.text('summary'), /Confluence.*not Jira/);
        const asked = await w.withPermissionPrompt('deny', () => w.submit('url-input', `${jira.origin}/`));
        assert.deepEqual(asked, [{ origins: [LOCAL_PATTERN] }]);
        await w.waitFor(() => !document.querySelector('[data-testid=url-error]').hidden);
        assert.match(await w.text('url-error'), /not granted|denied/i);
        assert.deepEqual(jira.log, [], 'nothing asked of the typed Jira');
      }));
    });

    test('Allow access granted at the prompt: detected again with REST, then every port of the host works', { skip: !prompts && NO_PROMPTS }, async () => {
      await withSims(['dc-9.12-cluster', 'dc-10.3'], async (sim, other) => {
        await withWizard(ctx.driver, sim.url, async (w) => {
          assert.equal(await w.settled(), 'ready');
          assert.notEqual(await w.text('warning-host_permission_needed'), null);
          const asked = await w.withPermissionPrompt('allow', () => w.click('allow-access'));
          assert.deepEqual(asked, [{ origins: [LOCAL_PATTERN] }]);
          await w.waitFor(() => document.querySelector('[data-testid=warning-host_permission_needed]') === null, null, 10_000);
          assert.equal(await w.settled(), 'ready');
          assert.equal(await w.text('summary'), `Jira Data Center 9.12.15 at ${sim.baseUrl}`);
          await w.click('step-detect-btn'); // now testable: step 1 is done and folded
          assert.equal(await w.text('detail-clusterNode'), 'jira_node_1');
          assert.ok(rest(sim).some((e) => e.path === '/rest/api/2/serverInfo'), 'serverInfo asked once allowed');
          const held = await w.eval(() => (globalThis.browser ?? chrome).permissions.getAll());
          assert.deepEqual(held.origins, [LOCAL_PATTERN]);
        });
        // Another Jira on another port of the same host: no new prompt, straight to REST.
        assert.notEqual(portOf(other.origin), portOf(sim.origin));
        await withWizard(ctx.driver, other.url, async (w) => {
          assert.equal(await w.settled(), 'ready');
          assert.match(await w.text('summary'), /^Jira .*10\.3/);
          assert.equal(await w.text('warning-host_permission_needed'), null);
          assert.ok(rest(other).some((e) => e.path === '/rest/api/2/serverInfo'));
        });
      });
    });
  });
}
