// End-to-end: the real `jira-token-wizard check` binary against the Jira simulator. Every
// verdict code of the core's catalogue is reached by at least one scenario (check-cases.mjs);
// the simulator's request log shows where the credential went and in which order.
// Run: `node --test tests/cli/` (builds the binary first; see helpers.mjs).

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, test } from 'node:test';
import { buildCli, runCli, startSilentServer } from './helpers.mjs';
import { CASES, runCase, startTarget } from './check-cases.mjs';

before(buildCli);

/**
 * Every verdict code, read from README's list (which a native test checks against the core's
 * catalogue), so a new code without a case here fails. Two are reached in their own files,
 * whose setup this table cannot make: `tls_untrusted` (tls.test.mjs; the Cloud sites here trust
 * their CA) and `transport_failed`, a request the transport refuses to send, which no running
 * server can cause (the native tests/probe_verdicts/answerer.rs).
 */
const VERDICT_CODES = (() => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const section = readme.split('- **Verdicts**')[1].split('- **Warnings**')[0].split('Every verdict names')[0];
  return [...section.matchAll(/`([a-z_]+)`/g)].map((m) => m[1]);
})();
const ELSEWHERE = {
  transport_failed: ['../probe_verdicts/answerer.rs', /Code::TransportFailed/],
  tls_untrusted: ['./tls.test.mjs', /verdict\.code, 'tls_untrusted'/],
};

/** The warning codes a result carries. */
const warned = (json) => json.warnings.map((w) => w.code);

/** The simulator log entries that carried an Authorization header: `scheme path`. */
const authorized = (log) => log.filter((e) => e.hasAuthorization).map((e) => `${e.authScheme} ${e.path}`);

/** Per-case assertions beyond the verdict code, keyed by case name. */
const EXTRA = {
  'DC 9.12 cluster, jdoe personal access token': ({ json }) => {
    assert.equal(json.user.name, 'jdoe');
    assert.equal(json.authMethod, 'pat');
    assert.equal(json.scheme, 'bearer');
    assert.deepEqual(json.permissions, { project: null, checked: ['BROWSE_PROJECTS'], missing: [], unknown: [] });
    assert.equal(json.deployment.edition, 'data-center');
  },
  'Cloud, e-mail + API token': ({ json }) => {
    // Item 9: the same test for the integration's server, the secret only as $JIRA_TOKEN.
    assert.match(json.serverCheck.cli, /^jira-token-wizard check '.+' --user 'jane\.doe@example\.com' --auth api-token --for generic$/);
    assert.match(json.serverCheck.curl, /^\{ printf 'Authorization: Basic '; printf '%s:%s' 'jane\.doe@example\.com' "\$JIRA_TOKEN" \| base64 \| tr -d '\\n'; echo; \} \| curl -sS -i -H @- '.+\/rest\/api\/2\/myself'$/);
    assert.equal(json.user.accountId, '60b7d4e5f6a7b8c9d0e1f2a3');
    assert.equal(json.authMethod, 'api-token');
    assert.equal(json.scheme, 'basic');
    // facts §5.1: Cloud needs permissions= on mypermissions.
    assert.ok(json.requests.some((r) => r.id === 'mypermissions' && r.url.endsWith('?permissions=BROWSE_PROJECTS')));
  },
  'Server 8.5, username + password': ({ json }) => {
    assert.equal(json.authMethod, 'basic');
    assert.equal(json.user.name, 'jdoe');
  },
  'a plain web site': ({ json, sim }) => {
    assert.deepEqual(authorized(sim.log), [], 'a credential reached a site that is not Jira');
    assert.ok(sim.log.length > 0);
    assert.ok(json.requests.every((r) => r.auth === 'None'));
  },
  Confluence: ({ json, sim }) => {
    assert.deepEqual(authorized(sim.log), [], 'a credential reached Confluence');
    assert.equal(json.deployment.product, 'confluence');
  },
  'a closed port': ({ json }) => {
    assert.ok(json.requests.length > 0);
    assert.ok(json.requests.every((r) => r.outcome === 'unreachable' && r.status === null));
    assert.match(json.verdict.cause.en, /connection refused/);
  },
  'REST never answers, --timeout 1': ({ json, run }) => {
    assert.equal(run.signal, null, 'the CLI hung and was killed');
    assert.ok(run.ms >= 900 && run.ms < 3000, `took ${run.ms} ms`);
    assert.ok(json.requests.some((r) => r.id === 'myself' && r.outcome === 'timeout'));
  },
  'DC, wrong password': ({ json, sim }) => {
    // A failed Basic login on Server/DC is not followed by mypermissions (CAPTCHA counter, facts §4.3);
    // the one Bearer retry asks whether the secret is a PAT.
    assert.deepEqual(authorized(sim.log), ['basic /rest/api/2/myself', 'bearer /rest/api/2/myself']);
    assert.equal(json.user, null);
  },
  'Cloud, account password': ({ json }) => assert.equal(json.user, null),
  'DC, revoked PAT': ({ json }) => assert.match(json.verdict.fix.en, /ViewProfile\.jspa/),
  'Server 7.13, --auth pat': ({ json }) => assert.match(json.verdict.cause.en, /7\.13\.18/),
  'DC, PAT as the Basic password': ({ json, sim }) => {
    // The Basic try, then exactly ONE Bearer retry of myself.
    assert.deepEqual(authorized(sim.log), ['basic /rest/api/2/myself', 'bearer /rest/api/2/myself']);
    assert.equal(json.user.name, 'admin');
    assert.equal(json.scheme, 'basic');
  },
  'Cloud, API token as Bearer (--auth pat)': ({ json }) => assert.equal(json.scheme, 'bearer'),
  'Cloud, bad API token': ({ json, sim }) => {
    // The CLI asks the gateway on a Cloud 401 (a scoped token gets the same 401 as a wrong one).
    assert.ok(authorized(sim.log).includes(`basic /ex/jira/${sim.credentials.cloudId}/rest/api/2/myself`));
    assert.match(json.verdict.cause.en + json.verdict.fix.en, /2026-03-14/);
    assert.equal(json.gatewayOffer, false, 'the CLI asked: nothing to offer');
  },
  'Cloud, scoped token: works through the gateway': ({ json, sim }) => {
    const gateway = `${sim.origin}/ex/jira/${sim.credentials.cloudId}`;
    assert.ok(authorized(sim.log).includes(`basic /ex/jira/${sim.credentials.cloudId}/rest/api/2/myself`), JSON.stringify(authorized(sim.log)));
    assert.equal(json.user.accountId, '712020:0b3c6f2e-5d1a-4c7e-9f80-2a4b6c8d0e1f');
    assert.equal(json.viaGateway, gateway);
    assert.ok(warned(json).includes('works_via_gateway'));
    assert.equal(json.snippet.fields.find((f) => f.key === 'url').value, gateway);
  },
  'Cloud, service account, the gateway does not answer': ({ json }) => {
    assert.match(json.verdict.cause.en, /service account/);
    assert.match(json.verdict.cause.en, /did not answer/);
  },
  'Cloud, scoped token without read:jira-user': ({ json }) => {
    assert.match(json.verdict.fix.en, /read:jira-user, read:jira-work, write:jira-work/);
    assert.match(json.verdict.cause.en, /ELMA365/);
  },
  'Cloud behind an IP allowlist': ({ json }) => assert.match(json.verdict.fix.en, /egress/),
  'DC behind a Squid proxy': ({ json }) => assert.match(json.verdict.cause.en, /X-Squid-Error/),
  'DC, an e-mail as the login': ({ json }) => assert.ok(warned(json).includes('login_looks_like_email'), warned(json).join()),
  'Cloud, a username as the login': ({ json }) => assert.ok(warned(json).includes('login_not_an_email'), warned(json).join()),
  'DC, a pasted issue address': ({ json, sim }) => {
    const w = json.warnings.find((x) => x.code === 'url_normalized');
    assert.ok(w, warned(json).join());
    assert.match(w.fix.en, new RegExp(`${sim.baseUrl} `));
    assert.ok(json.requests.some((r) => r.id === 'myself' && r.url === `${sim.baseUrl}/rest/api/2/myself`));
  },
  'Cloud on another host name': ({ json }) => {
    const w = json.warnings.find((x) => x.code === 'custom_domain');
    assert.ok(w, warned(json).join());
    assert.match(w.fix.en, /https:\/\/acme\.atlassian\.net/);
  },
  'DC, a PAT that expires in 7 days': ({ json }) => {
    assert.deepEqual(json.tokenExpiry, { name: 'sync', expiringAt: '2025-06-09T10:15:30.000+00:00', date: '2025-06-09', daysLeft: 7 });
    assert.ok(warned(json).includes('token_expires_soon'));
  },
  "Issue Sync: both Jiras' forms": ({ json, sim }) => {
    const f = (k) => json.snippet.fields.find((x) => x.key === k);
    assert.equal(f('peerRemoteUrl').value, sim.baseUrl);
    assert.equal(f('peerRemoteKey').value, f('localKey').value);
  },
  'DC, CAPTCHA tripped': ({ json, sim }) => {
    assert.equal(json.loginUrl, `${sim.origin}/login.jsp`, 'the login URL must be on the Jira host');
    assert.deepEqual(authorized(sim.log), ['basic /rest/api/2/myself'], 'one failed login, no more');
  },
  'DC, CAPTCHA tripped, password under --auth auto': ({ json, sim }) => {
    // Not a PAT's shape: sent as jdoe's password, once — so the CAPTCHA is what the user hears.
    assert.deepEqual(authorized(sim.log), ['basic /rest/api/2/myself'], 'one Basic request, no Bearer');
    assert.equal(json.methodInEffect, 'basic');
    assert.equal(json.secretKind, 'password');
    assert.equal(json.readAsPassword, true);
  },
  'DC, Cyrillic password under --auth auto': ({ json, sim }) => {
    // A secret no token could be is never retried as Bearer.
    assert.deepEqual(authorized(sim.log), ['basic /rest/api/2/myself']);
    assert.equal(json.authMethod, 'basic');
  },
  'DC, PAT with a line break under --auth auto': ({ json, sim }) => {
    assert.ok(authorized(sim.log).every((e) => e.startsWith('bearer ')), JSON.stringify(authorized(sim.log)));
    assert.equal(json.methodInEffect, 'pat');
    assert.equal(json.secretKind, 'pat');
    assert.equal(json.readAsPassword, false);
    assert.ok(warned(json).includes('secret_whitespace'), warned(json).join());
  },
  'SSO gateway, password': ({ json, sim }) => {
    // serverInfo only redirected to the IdP: REST never confirmed Jira, so no credential left.
    assert.deepEqual(authorized(sim.log), []);
    assert.match(json.verdict.cause.en, /No credential was sent/);
    assert.ok(sim.log.some((e) => e.path === '/idp/login'), 'the IdP page was fetched (anonymously) by detection');
    assert.ok(sim.log.filter((e) => e.path.startsWith('/idp')).every((e) => !e.hasAuthorization));
  },
  'SSO gateway, PAT': ({ json, sim }) => {
    assert.deepEqual(authorized(sim.log), []);
    assert.match(json.verdict.cause.ru, /Учётные данные не отправлялись/);
  },
  "--user jdoe with admin's PAT": ({ json }) => {
    assert.equal(json.user.name, 'admin');
    assert.match(json.verdict.cause.en, /"jdoe"/);
  },
  'Cloud answering 429': ({ json }) => {
    assert.match(json.verdict.cause.en, /Retry-After: 30/);
    assert.match(json.verdict.cause.en, /RateLimit-Reason: jira-burst-based — too many requests in a short burst/);
  },
  'a user who may browse no project': ({ json }) => {
    assert.deepEqual(json.permissions.missing.map((m) => m.key), ['BROWSE_PROJECTS']);
    assert.equal(json.permissions.missing[0].name, 'Browse Projects');
  },
  '--project NOPE': ({ json }) => {
    assert.match(json.verdict.cause.en, /NOPE/);
    assert.ok(json.requests.some((r) => r.id === 'mypermissions' && r.url.endsWith('?projectKey=NOPE') && r.status === 404));
  },
  'DC answering 500': ({ json }) => assert.ok(json.requests.some((r) => r.id === 'myself' && r.status === 500)),
};

describe('every verdict code, end to end (--format json)', () => {
  for (const kase of CASES) {
    test(`${kase.code}: ${kase.name}`, { todo: kase.todo }, async () => {
      const sim = await startTarget(kase);
      try {
        const run = await runCase(kase, sim);
        const { json } = run;
        assert.equal(json.verdict.code, kase.code, `${json.verdict.code}: ${json.verdict.cause.en}`);
        assert.equal(json.verdict.ok, kase.code === 'ok');
        assert.equal(run.code, kase.code === 'ok' ? 0 : 1, run.stderr);
        assert.equal(run.stderr, '');
        assert.equal(json.requestCount, json.requests.length);
        for (const r of json.requests) {
          assert.ok(['None', 'Basic', 'Bearer'].includes(r.auth), `auth ${r.auth}`);
          assert.equal(r.headers.authorization, undefined);
        }
        for (const key of ['title', 'cause', 'fix']) {
          assert.ok(json.verdict[key].en && json.verdict[key].ru, `verdict.${key} in both languages`);
        }
        if (kase.answeredBy) assert.equal(json.answeredBy, kase.answeredBy, 'who answered');
        else assert.ok(['jira', 'atlassian_edge', 'device_in_front', 'other_app', 'nobody'].includes(json.answeredBy));
        if (kase.sendsNothing) assert.deepEqual(authorized(sim.log), [], 'no credential was sent');
        await EXTRA[kase.name]?.({ json, run, sim });
      } finally {
        await sim.close();
      }
    });
  }

  test('the cases cover every verdict code', () => {
    assert.ok(VERDICT_CODES.length >= 30, VERDICT_CODES.join(' '));
    for (const [code, [file, asserted]] of Object.entries(ELSEWHERE)) {
      assert.match(readFileSync(new URL(file, import.meta.url), 'utf8'), asserted, `${file} reaches ${code}`);
    }
    const here = VERDICT_CODES.filter((c) => !ELSEWHERE[c]);
    assert.deepEqual([...new Set(CASES.map((c) => c.code))].sort(), [...here].sort());
  });
});

describe('no answer at all', () => {
  test('a server that accepts connections and never answers, --timeout 1: timeout, exit 1', async (t) => {
    const silent = await startSilentServer();
    t.after(() => silent.close());
    const run = await runCli(['check', silent.url, '--user', 'jdoe', '--timeout', '1', '--format', 'json'], {
      env: { JIRA_TOKEN: 'silent-server-token' }, killAfterMs: 10_000,
    });
    assert.equal(run.signal, null, 'the CLI hung and was killed');
    assert.equal(run.code, 1);
    assert.equal(JSON.parse(run.stdout).verdict.code, 'timeout');
    // Detection waits one timeout; the core then still tries the credential (a second one).
    assert.ok(run.ms >= 900 && run.ms < 3500, `took ${run.ms} ms`);
  });
});

describe('round trips: Basic on Server/DC one request at a time, Bearer and Cloud in parallel', () => {
  const idsAfterDetection = (json) => json.requests.map((r) => r.id).filter((id) => !['page', 'server_info', 'tenant_info'].includes(id));
  const byName = (name) => CASES.find((c) => c.name === name);

  test('Basic on Server 8.5: myself, then mypermissions and the project list', async () => {
    const kase = byName('Server 8.5, username + password');
    const sim = await startTarget(kase);
    try {
      const { json } = await runCase(kase, sim);
      assert.deepEqual(idsAfterDetection(json), ['myself', 'mypermissions', 'projects']);
      assert.deepEqual(authorized(sim.log).slice(0, 1), ['basic /rest/api/2/myself']);
      assert.deepEqual(authorized(sim.log).slice(1).sort(), ['basic /rest/api/2/mypermissions', 'basic /rest/api/2/project']);
      // Only once the password was accepted does a second Basic request go out.
      const [me, ...rest] = sim.log.filter((e) => e.hasAuthorization);
      assert.ok(rest.every((e) => me.at <= e.at));
    } finally {
      await sim.close();
    }
  });

  for (const name of ['DC 9.12 cluster, jdoe personal access token', 'Cloud, e-mail + API token']) {
    test(`${name}: myself, mypermissions and the project list in one batch`, async () => {
      const kase = byName(name);
      const sim = await startTarget(kase);
      try {
        const { json } = await runCase(kase, sim);
        // A personal access token also asks for its owner's token list (its expiry, facts §3.3).
        const pat = json.scheme === 'bearer' ? ['pat_tokens'] : [];
        assert.deepEqual(idsAfterDetection(json).sort(), ['myself', 'mypermissions', 'projects', ...pat].sort());
        assert.equal(authorized(sim.log).length, 3 + pat.length);
      } finally {
        await sim.close();
      }
    });
  }
});

describe('text output', () => {
  const textOf = async (name, lang = 'en') => {
    const kase = CASES.find((c) => c.name === name);
    const sim = await startTarget(kase);
    try {
      return { ...(await runCase(kase, sim, { format: 'text', lang })), sim };
    } finally {
      await sim.close();
    }
  };

  test('ok: the core\'s checklist (the popup\'s and the report\'s lines) with the account, the method and the permissions', async () => {
    const run = await textOf('DC 9.12 cluster, jdoe personal access token');
    assert.equal(run.code, 0);
    assert.equal(run.stderr, '');
    assert.match(run.stdout, /\n {2}Jira Data Center 9\.12\.15 at http:\/\/127\.0\.0\.1:\d+/);
    assert.match(run.stdout, /\n {2}✓ Jira answered\n/);
    assert.match(run.stdout, /\n {2}✓ Authenticated as Jane Doe \(jdoe\)\n/);
    assert.match(run.stdout, /\n {2}✓ Sent as Bearer — Personal access token \(Bearer\)\n/);
    assert.match(run.stdout, /\n {2}✓ Permissions: BROWSE_PROJECTS\n/);
    assert.match(run.stdout, /✓ The credential works \[ok\]/);
    assert.match(run.stdout, /GET http:\/\/127\.0\.0\.1:\d+\/rest\/api\/2\/myself \[Bearer\] → 200/);
  });

  test('a failure: title, cause and fix', async () => {
    const run = await textOf('DC, wrong password');
    assert.equal(run.code, 1);
    assert.match(run.stdout, /✗ Not authenticated\n/);
    assert.match(run.stdout, /✗ Jira rejected the login or the secret \[credentials_rejected\]\n {2}Cause: .+\n {2}Fix: .+/);
  });

  test('rate limited: Retry-After is in the text', async () => {
    const run = await textOf('Cloud answering 429');
    assert.equal(run.code, 1);
    assert.match(run.stdout, /\[rate_limited\]/);
    assert.match(run.stdout, /Retry-After: 30/);
  });

  test('unreachable: ✗ and the verdict, exit 1', async () => {
    const run = await textOf('a closed port');
    assert.equal(run.code, 1);
    assert.match(run.stdout, /✗ Jira did not answer\n/);
    assert.match(run.stdout, /\[unreachable\]/);
  });

  test('CAPTCHA: where to log in', async () => {
    const run = await textOf('DC, CAPTCHA tripped');
    assert.match(run.stdout, new RegExp(`Log in at: ${run.sim.origin}/login\\.jsp`));
  });

  test('the same test for the integration\'s server: the CLI and curl lines, secret from $JIRA_TOKEN', async () => {
    const run = await textOf('DC 9.12 cluster, jdoe personal access token');
    assert.equal(run.code, 0);
    assert.match(run.stdout, /To test from the integration's server \(secret in JIRA_TOKEN\):\n/);
    const origin = run.sim.origin;
    assert.ok(run.stdout.includes(`  jira-token-wizard check '${origin}' --user 'jdoe' --auth pat --for generic\n`), run.stdout);
    assert.ok(run.stdout.includes(`  printf 'Authorization: Bearer %s\\n' "$JIRA_TOKEN" | curl -sS -i -H @- '${origin}/rest/api/2/myself'\n`), run.stdout);
  });

  test('--lang ru', async () => {
    const run = await textOf('DC 9.12 cluster, jdoe personal access token', 'ru');
    assert.equal(run.code, 0);
    assert.match(run.stdout, /✓ Вход выполнен как Jane Doe \(jdoe\)/);
    assert.match(run.stdout, /Учётные данные работают \[ok\]/);
  });
});

describe('who answered, in the text output', () => {
  test('a proxy\'s 407 names the device in front, in English and Russian', async () => {
    const kase = CASES.find((c) => c.code === 'proxy_auth_required');
    const sim = await startTarget(kase);
    try {
      const en = await runCase(kase, sim, { format: 'text', lang: 'en' });
      assert.equal(en.code, 1);
      assert.match(en.stdout, /\[proxy_auth_required\]/);
      assert.match(en.stdout, /Answered by: a device in front of Jira .*\[device_in_front\]/);
      const ru = await runCase(kase, sim, { format: 'text', lang: 'ru' });
      assert.match(ru.stdout, /Кто ответил: устройство перед Jira .*\[device_in_front\]/);
    } finally {
      await sim.close();
    }
  });
});
