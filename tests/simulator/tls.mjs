// A throw-away self-signed certificate for `startSimulator({ https: true })`, made with the
// system `openssl` on first use (nothing is committed, nothing stays on disk). Browsers need
// `--ignore-certificate-errors` for it.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let cached = null;

/** @returns {{ key: Buffer, cert: Buffer }} for 127.0.0.1, localhost, *.atlassian.net, jira.corp.example */
export function selfSignedCertificate() {
  if (cached) return cached;
  const dir = mkdtempSync(join(tmpdir(), 'jira-simulator-tls-'));
  try {
    const key = join(dir, 'key.pem');
    const cert = join(dir, 'cert.pem');
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
      '-keyout', key, '-out', cert, '-days', '30', '-subj', '/CN=jira-simulator',
      '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost,DNS:*.atlassian.net,DNS:jira.corp.example',
    ], { stdio: 'ignore' });
    cached = { key: readFileSync(key), cert: readFileSync(cert) };
    return cached;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
