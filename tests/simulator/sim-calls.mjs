// Helpers shared by the simulator's own tests (not a test file: node --test runs *.test.mjs).

import { get } from 'node:http';
import { startSimulator } from './server.mjs';

export const basic = (login, secret) => `Basic ${Buffer.from(`${login}:${secret}`).toString('base64')}`;
export const bearer = (token) => `Bearer ${token}`;
export const BROWSER_UA = 'Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0 Safari/537.36';

/** Runs `fn(sim)` against a fresh scenario and always closes it. */
export async function withSim(scenario, fn, options = {}) {
  const sim = await startSimulator({ scenario, ...options });
  try {
    await fn(sim);
  } finally {
    await sim.close();
  }
}

/** GET (or other method) relative to the sim's baseUrl; returns { status, headers, text, json }. */
export async function call(sim, path, { auth, headers = {}, ...init } = {}) {
  const res = await fetch(`${sim.baseUrl}${path}`, {
    redirect: 'manual', ...init, headers: { ...(auth ? { Authorization: auth } : {}), ...headers },
  });
  const text = await res.text();
  let json = null;
  try { json = JSON.parse(text); } catch { /* not JSON */ }
  return { status: res.status, headers: res.headers, text, json };
}

/** A GET through node:http (fetch refuses some statuses, e.g. 407). */
export function rawGet(sim, path, headers = {}) {
  return new Promise((resolve, reject) => {
    get(`${sim.baseUrl}${path}`, { headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => { text += chunk; });
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, text }));
    }).on('error', reject);
  });
}
