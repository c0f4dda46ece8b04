// Issue 13, item 1: the real `check` binary and Atlassian's gateway for a Cloud token the site
// refuses (facts §3.2) — the steps printed after `works_via_gateway` give the integration the
// gateway URL, not the site's; and `--no-gateway` keeps the credential off the gateway
// altogether (the verdict is then what the site alone says).
// Run: `node --test tests/cli/gateway.test.mjs`.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { buildCli, runCli, startSite } from './helpers.mjs';

before(buildCli);

/** The `svc-sync` service account's scoped token: the site refuses it, the gateway takes it. */
const scoped = (sim) => ({ user: sim.credentials.users['svc-sync'].login, secret: sim.credentials.users['svc-sync'].scopedToken });

/** `check` against `site` as svc-sync with the scoped token; `extra` options after the URL. */
async function checkScoped(site, extra, { format = 'json', env = {} } = {}) {
  const { user, secret } = scoped(site);
  const run = await runCli(['check', site.url, '--format', format, '--lang', 'en', '--user', user, ...extra, ...site.cli.args], {
    env: { ...site.cli.env, ...env, JIRA_TOKEN: secret },
  });
  return { ...run, json: format === 'json' ? JSON.parse(run.stdout) : null };
}

/**
 * The `cloud` site and a second `cloud` simulator standing in for Atlassian's gateway: both
 * are named cloud.atlassian.net, each on its own port, so the site's origin and the gateway's
 * differ as api.atlassian.com and the site do. `env` maps both names to this machine.
 */
async function startSiteAndGateway(t) {
  const site = await startSite({ scenario: 'cloud' });
  const gateway = await startSite({ scenario: 'cloud' });
  t.after(async () => {
    await site.close();
    await gateway.close();
  });
  const env = { JTW_RESOLVE: `${site.cli.env.JTW_RESOLVE},${gateway.cli.env.JTW_RESOLVE}` };
  return { site, gateway, env };
}

/** Requests that reached a simulator under Atlassian's gateway path `/ex/jira/…`. */
const gatewayPaths = (log) => log.filter((e) => e.path.startsWith('/ex/')).map((e) => e.path);

/** The numbered steps of the text output's auth plan ("How to sign in" … "  1. …"). */
function printedSteps(stdout) {
  const from = stdout.indexOf('How to sign in:');
  assert.ok(from >= 0, `no plan in:\n${stdout}`);
  const steps = [];
  for (const line of stdout.slice(from).split('\n').slice(1)) {
    const m = /^ {2}\d+\. (.*)$/.exec(line);
    if (m) steps.push(m[1]);
    else if (steps.length > 0) break;
  }
  return steps;
}

describe('works_via_gateway: the steps name the gateway URL, not the site', () => {
  test('JSON: the result carries the re-made plan; text: its steps are printed; the report carries them', async (t) => {
    const { site, gateway: gw, env } = await startSiteAndGateway(t);
    const dir = mkdtempSync(path.join(tmpdir(), 'jtw-gw-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const gateway = `${gw.origin}/ex/jira/${site.credentials.cloudId}`;
    // The site's own address (host and port): no step may send the integration there.
    const siteHost = new URL(site.url).host;
    assert.notEqual(siteHost, new URL(gw.origin).host);

    const { json, code } = await checkScoped(site, ['--gateway', gw.origin], { env });
    assert.equal(code, 0);
    assert.equal(json.verdict.code, 'ok');
    assert.equal(json.viaGateway, gateway);
    const steps = json.authPlan.steps;
    assert.ok(steps.some((s) => s.en.includes(gateway) && s.ru.includes(gateway)), JSON.stringify(steps));
    for (const s of steps) assert.ok(!s.en.includes(siteHost) && !s.ru.includes(siteHost), `a step names the site: ${s.en}`);
    // The curl line for the integration's server asks the gateway as well.
    assert.ok(json.serverCheck.curl.endsWith(`'${gateway}/rest/api/2/myself'`), json.serverCheck.curl);

    const report = path.join(dir, 'report.md');
    const text = await checkScoped(site, ['--gateway', gw.origin, '--report', report], { format: 'text', env });
    assert.equal(text.code, 0, text.stderr);
    const printed = printedSteps(text.stdout);
    assert.deepEqual(printed, steps.map((s) => s.en));
    assert.ok(printed.some((s) => s.includes(gateway)), printed.join('\n'));
    assert.ok(printed.every((s) => !s.includes(siteHost)), printed.join('\n'));

    const md = readFileSync(report, 'utf8');
    const section = md.slice(md.indexOf('## Steps'), md.indexOf('\n## ', md.indexOf('## Steps') + 1));
    assert.match(section, /^## Steps\n\n1\. /);
    assert.ok(section.includes(gateway), section);
    assert.ok(!section.includes(siteHost), section);
  });

  test('a token the site takes keeps the detection\'s plan: no re-made steps', async (t) => {
    const site = await startSite({ scenario: 'cloud' });
    t.after(() => site.close());
    const jdoe = site.credentials.users.jdoe;
    const run = await runCli(['check', site.url, '--format', 'json', '--user', jdoe.login, ...site.cli.args], {
      env: { ...site.cli.env, JIRA_TOKEN: jdoe.apiToken },
    });
    const json = JSON.parse(run.stdout);
    assert.equal(json.verdict.code, 'ok');
    assert.equal(json.authPlan, null);
    assert.equal(json.viaGateway, null);
  });
});

describe('--no-gateway: the credential never reaches the gateway', () => {
  test('a second simulator stands in for the gateway: asked without the flag, never with it', async (t) => {
    const { site, gateway, env } = await startSiteAndGateway(t);

    // Without the flag the CLI asks the gateway on the site's 401, and the token works there.
    const asked = await checkScoped(site, ['--gateway', gateway.origin], { env });
    assert.equal(asked.json.verdict.code, 'ok', asked.json.verdict.cause.en);
    assert.equal(asked.json.viaGateway, `${gateway.origin}/ex/jira/${site.credentials.cloudId}`);
    assert.ok(gatewayPaths(gateway.log).length > 0, 'the gateway simulator was not asked');
    assert.deepEqual(gatewayPaths(site.log), []);

    // With it — even beside --gateway, in either order — nothing goes to the gateway.
    for (const options of [['--gateway', gateway.origin, '--no-gateway'], ['--no-gateway', `--gateway=${gateway.origin}`], ['--no-gateway']]) {
      const before = gateway.log.length;
      const siteBefore = site.log.length;
      const refused = await checkScoped(site, options, { env });
      assert.equal(refused.stderr, '');
      assert.equal(gateway.log.length, before, `${options}: a request reached the gateway simulator`);
      assert.deepEqual(gatewayPaths(site.log.slice(siteBefore)), [], `${options}`);
      assert.ok(!refused.json.requests.some((r) => r.id.startsWith('gateway') || r.url.includes('/ex/jira/')), `${options}`);
      // The site's verdict alone: what the popup shows before its "Test through api.atlassian.com".
      assert.equal(refused.json.verdict.code, 'scoped_token_needs_gateway', refused.json.verdict.cause.en);
      assert.match(refused.json.verdict.cause.en, /not tried/);
      assert.equal(refused.json.gatewayOffer, true);
      assert.equal(refused.json.viaGateway, null);
      assert.equal(refused.json.authPlan, null);
      assert.equal(refused.code, 1);
    }
  });
});
