// The CLI and TLS (SECURITY.md §7.9): certificates are checked against the OS trust store, a
// private CA is trusted only with --ca-cert, and a refused certificate is the verdict
// tls_untrusted naming its subject and issuer — never "unreachable", and no credential is sent.
// The CA and the server certificate are made here with openssl, in a temporary folder that is
// removed afterwards: no key is committed.
// Run: `node --test tests/cli/tls.test.mjs`.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import net from 'node:net';
import { after, before, describe, test } from 'node:test';
import { startSimulator } from '../simulator/server.mjs';
import { buildCli, runCli } from './helpers.mjs';

const dir = mkdtempSync(join(tmpdir(), 'jtw-private-ca-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** A private CA and a certificate it issued for 127.0.0.1. */
function privateCa() {
  const f = (name) => join(dir, name);
  const openssl = (...args) => execFileSync('openssl', args, { stdio: 'ignore' });
  openssl('req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-keyout', f('ca.key'), '-out', f('ca.pem'), '-days', '2', '-subj', '/O=Test Corp/CN=Test Corp Private CA',
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign');
  openssl('req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-keyout', f('server.key'), '-out', f('server.csr'), '-subj', '/CN=jira.corp.test');
  writeFileSync(f('ext.cnf'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n');
  openssl('x509', '-req', '-in', f('server.csr'), '-CA', f('ca.pem'), '-CAkey', f('ca.key'), '-CAcreateserial',
    '-out', f('server.pem'), '-days', '2', '-extfile', f('ext.cnf'));
  return { ca: f('ca.pem'), tls: { key: readFileSync(f('server.key')), cert: readFileSync(f('server.pem')) } };
}

let pki;
before(() => {
  buildCli();
  pki = privateCa();
});

async function dcOverTls(t) {
  const sim = await startSimulator({ scenario: 'dc-9.12-cluster', https: true, tls: pki.tls });
  t.after(() => sim.close());
  return sim;
}

const SECRET = 'Zm9yLXRoZS10bHMtdGVzdA-private-ca-secret';

describe('a private CA', () => {
  test('without --ca-cert: tls_untrusted names subject and issuer; nothing reaches Jira', async (t) => {
    const sim = await dcOverTls(t);
    const run = await runCli(['check', sim.url, '--user', 'admin', '--format', 'json'], { env: { JIRA_TOKEN: SECRET } });
    assert.equal(run.code, 1, run.stderr);
    const r = JSON.parse(run.stdout);
    assert.equal(r.verdict.code, 'tls_untrusted');
    assert.match(r.verdict.cause.en, /"CN=jira\.corp\.test" issued by "CN=Test Corp Private CA,O=Test Corp"/);
    assert.ok(r.requests.every((q) => q.outcome === 'tls_untrusted' && q.auth === 'None'), JSON.stringify(r.requests));
    assert.equal(sim.log.length, 0, 'no HTTP request was answered');
    assert.ok(!run.stdout.includes(SECRET) && !run.stderr.includes(SECRET));
  });

  test('detect in text: the catalogue line, not "could not connect"', async (t) => {
    const sim = await dcOverTls(t);
    const run = await runCli(['detect', sim.url]);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /certificate is not trusted: .*"CN=jira\.corp\.test" issued by "CN=Test Corp Private CA,O=Test Corp"/);
    assert.doesNotMatch(run.stderr, /could not connect/);
  });

  test('with --ca-cert: verified and tested', async (t) => {
    const sim = await dcOverTls(t);
    const run = await runCli(['check', sim.url, '--user', 'admin', '--auth', 'basic', '--format', 'json', '--ca-cert', pki.ca],
      { env: { JIRA_TOKEN: 'admin-pass' } });
    const r = JSON.parse(run.stdout);
    assert.equal(r.verdict.code, 'ok', r.verdict.cause.en);
    assert.equal(run.code, 0);
  });

  test('--ca-cert with no certificate in it: a usage error', async () => {
    const empty = join(dir, 'empty.pem');
    writeFileSync(empty, 'not a certificate\n');
    const run = await runCli(['detect', 'https://127.0.0.1:1/', '--ca-cert', empty]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /--ca-cert .*no PEM certificate/);
  });
});

/**
 * An HTTP CONNECT proxy on 127.0.0.1 that tunnels every `CONNECT host:port` to `to` (the
 * simulator's port) and records the targets asked for.
 */
async function startConnectProxy(to) {
  const connects = [];
  const sockets = new Set();
  const server = net.createServer((client) => {
    sockets.add(client);
    client.on('error', () => {});
    // The request head may come in several packets: read up to its blank line first.
    let head = '';
    const onData = (chunk) => {
      head += chunk.toString('latin1');
      if (!head.includes('\r\n\r\n')) return;
      client.off('data', onData);
      connect(head);
    };
    client.on('data', onData);
    const connect = (request) => {
      const [method, target] = request.split('\r\n')[0].split(' ');
      if (method !== 'CONNECT') return client.end('HTTP/1.1 405 Method Not Allowed\r\n\r\n');
      connects.push(target);
      const upstream = net.connect(to, '127.0.0.1', () => {
        client.write('HTTP/1.1 200 Connection established\r\n\r\n');
        upstream.pipe(client);
        client.pipe(upstream);
      });
      sockets.add(upstream);
      upstream.on('error', () => client.destroy());
    };
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    connects,
    close() {
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

describe('behind an HTTP proxy (HTTPS_PROXY)', () => {
  test('the refused certificate is read through the same proxy as the request', async (t) => {
    const sim = await dcOverTls(t);
    const proxy = await startConnectProxy(sim.port);
    t.after(() => proxy.close());
    // A name only the proxy can reach: resolved directly, it goes nowhere.
    const url = `https://jira.corp.test:${sim.port}/`;
    const run = await runCli(['detect', url, '--format', 'json', '--timeout', '20'],
      { env: { HTTPS_PROXY: proxy.url, NO_PROXY: '' }, killAfterMs: 60_000 });
    assert.equal(run.code, 1, run.stderr);
    const out = run.stdout + run.stderr;
    assert.match(out, /CN=jira\.corp\.test/, out);
    assert.match(out, /CN=Test Corp Private CA/, out);
    assert.ok(proxy.connects.length >= 2, `CONNECTs: ${JSON.stringify(proxy.connects)}`);
    assert.ok(proxy.connects.every((c) => c === `jira.corp.test:${sim.port}`), JSON.stringify(proxy.connects));
  });
});
