// The shared flow of a scoped Cloud token through Atlassian's gateway: refused, then allowed —
// and then the steps the popup shows give the integration the gateway URL, not the site.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startSimulator } from '../../simulator/server.mjs';
import { startSite } from '../sites.mjs';
import { answersPermissionPrompts, launchBrowser } from '../browsers/index.mjs';
import {
  GATEWAY_PATTERN, rest, portOf, withWizard, testDone, runCheck, openMore
} from './common.mjs';

/** The popup's numbered steps, one string each. */
const stepsOf = (w) => w.eval(() => [...document.querySelectorAll('[data-testid=steps] li')].map((li) => li.textContent));

/** @param {'chromium'|'firefox'} name */
export function gatewayFlows(name) {
  const prompts = answersPermissionPrompts(name);

  describe(`${name}: a scoped Cloud token through api.atlassian.com`, () => {
    /** @type {{ driver: any, site: any, gateway: any }} */
    const ctx = { driver: null, site: null, gateway: null };
    before(async () => {
      ctx.site = await startSite({ scenario: 'cloud' });
      ctx.gateway = await startSimulator({ scenario: 'cloud', https: true });
      // Chromium cannot answer the prompt: the gateway is granted at install there, and the
      // request then resolves without one. Firefox starts without it and shows its doorhanger.
      ctx.driver = await launchBrowser(name, {
        hostPermission: true, gatewayPermission: !prompts, gatewayPort: Number(portOf(ctx.gateway.origin)),
      });
    });
    after(async () => {
      await ctx.driver?.close();
      await ctx.site?.close();
      await ctx.gateway?.close();
    });

    test('refused, then allowed: the token goes to the gateway only after the allowed click', async () => {
      const { driver, site, gateway } = ctx;
      let reportText = '';
      let shownSteps = [];
      await withWizard(driver, site.url, async (w) => {
        assert.equal(await w.settled(), 'ready');
        assert.match(await w.text('summary'), /^Jira Cloud\b/);
        const svc = site.credentials.users['svc-sync'];
        await runCheck(w, { login: svc.login, secret: svc.scopedToken });
        assert.equal(await w.text('verdict-code'), 'scoped_token_needs_gateway');
        assert.equal(await w.text('gateway-try'), 'Test through api.atlassian.com');
        assert.deepEqual(gateway.log, [], 'nothing reached the gateway before the click');
        // Until the gateway answers, the steps are the detection's: they name the site.
        const siteHost = new URL(site.url).host;
        assert.equal(await w.attr('plan', 'data-source'), 'detection');
        assert.ok((await stepsOf(w)).some((s) => s.includes(siteHost)), 'the detection\'s steps name the site');

        const refused = await w.withPermissionPrompt('deny', () => w.click('gateway-try'));
        assert.deepEqual(refused, [{ origins: [GATEWAY_PATTERN] }]);
        await w.waitFor(() => !document.querySelector('[data-testid=gateway-denied]').hidden);
        assert.equal(await w.text('gateway-denied'), 'Access to api.atlassian.com was not granted, so the token was not sent there.');
        assert.deepEqual(gateway.log, [], 'nothing reached the gateway after the refusal');

        const allowed = await w.withPermissionPrompt('allow', () => w.click('gateway-try'));
        assert.deepEqual(allowed, [{ origins: [GATEWAY_PATTERN] }]);
        // Issue 13: through the gateway the token is tested in full: `ok`, with works_via_gateway.
        await w.waitFor(() => document.querySelector('[data-testid=gateway]').hidden
          && document.querySelector('[data-testid=verdict-code]').textContent === 'ok', null, 15_000);
        await testDone(w);
        // It works, but only through the gateway: ok, amber, the gateway URL in the block.
        const base = `https://api.atlassian.com/ex/jira/${site.credentials.cloudId}`;
        assert.equal(await w.text('verdict-code'), 'ok');
        assert.equal(await w.attr('verdict', 'data-via-gateway'), 'true');
        assert.ok((await w.text('check-warning-works_via_gateway')).includes(base));
        assert.equal(await w.text('snippet-value-url'), base);
        assert.equal(await w.attr('check-user', 'data-ok'), 'true');
        // The "goes only to" line names where the credential went: the gateway, not the site.
        assert.equal(await w.attr('test-origin', 'data-origin'), 'https://api.atlassian.com');
        // Issue 13 item 1: the steps are the core's re-made plan — the gateway URL, not the site.
        assert.equal(await w.attr('plan', 'data-source'), 'check');
        assert.equal(await w.attr('step-token-btn', 'aria-expanded'), 'true', 'step 2 opens again for the new steps');
        const steps = await stepsOf(w);
        assert.ok(steps.length >= 3, JSON.stringify(steps));
        assert.ok(steps.some((s) => s.includes(`${base} as the Jira address`)), JSON.stringify(steps));
        assert.ok(steps.every((s) => !s.includes(siteHost)), `a step still names the site: ${JSON.stringify(steps)}`);
        // The report carries the same steps, and the helpdesk page shows them.
        await w.waitFor(() => {
          const b = document.querySelector('[data-testid=report-download]');
          return b && !b.closest('[hidden]') && !b.disabled;
        }, null, 10_000);
        await openMore(w); // the report is under "More"
        await w.click('report-download');
        reportText = await w.eval(async () => (await fetch(document.querySelector('[data-testid=report-file]').href)).text());
        assert.deepEqual(JSON.parse(reportText).steps.map((s) => s.en), steps);
        shownSteps = steps;
        const atGateway = gateway.log.filter((r) => r.path.startsWith('/ex/jira/'));
        assert.deepEqual(atGateway.map((r) => `${r.method} ${r.path.split('?')[0]} ${r.authScheme} cookie:${r.hasCookie}`).sort(),
          [`GET /ex/jira/${site.credentials.cloudId}/rest/api/2/myself basic cookie:false`,
            `GET /ex/jira/${site.credentials.cloudId}/rest/api/2/mypermissions basic cookie:false`,
            `GET /ex/jira/${site.credentials.cloudId}/rest/api/2/project basic cookie:false`].sort(),
          '/myself, the permissions and the projects through the gateway, no cookie');
        assert.deepEqual(gateway.log.filter((r) => !r.path.startsWith('/ex/jira/')), [], 'nothing else asked of the gateway');
        await w.screenshot(`${name}-gateway.png`);
      });
      // The helpdesk page shows the report's steps (a tab of its own: the wizard is closed).
      const helpdesk = await driver.openPage('helpdesk.html');
      try {
        await helpdesk.eval((t) => { document.querySelector('[data-testid=report-input]').value = t; }, reportText);
        await helpdesk.click('report-show');
        await helpdesk.waitFor(() => !document.querySelector('[data-testid=view]').hidden, null, 10_000);
        const shown = await helpdesk.eval(() => [...document.querySelectorAll('[data-testid=view-steps] li')].map((li) => li.textContent));
        assert.deepEqual(shown, shownSteps);
      } finally {
        await helpdesk.close();
      }
      if (driver.offsite) assert.deepEqual(driver.offsite, [], 'no request left for any other host');
    });
  });
}
