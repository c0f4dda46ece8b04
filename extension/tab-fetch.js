// The function injected into the Jira tab with `scripting.executeScript` to send the one-click
// PAT creation (issue 12): it runs the request the core planned (`pat::TabRequest`,
// src/pat/tab.rs) and hands back what came of it as the core's `Exchange` (src/http.rs); the
// core classifies it. It decides nothing and must be self-contained — the browser serialises
// its source and runs it in the tab, so it may use nothing from this module's scope.
//
// Why the tab: Jira's XSRF check (facts §4.8) refuses a browser's POST whose Origin is neither
// Jira's own nor `chrome-extension://`/`safari-extension://`; Firefox's extension pages send
// `moz-extension://…` and get 403 "XSRF check failed". A content script's request goes out on
// behalf of the page in both browsers' MV3 (Chrome's "Cross-origin network requests": content
// scripts "initiate requests on behalf of the web origin"; Firefox MV3, unlike MV2, also uses
// the page's context), so it carries Jira's Origin and Referer and the page's session cookie.
// Seen in firefox-esr 153 and Chromium 156: a POST from the default ISOLATED world arrives
// with `Origin: <Jira origin>`, a same-origin Referer and the cookie, exactly as one from the
// MAIN world. The ISOLATED world is kept (browser.js `runInTab`): the page's own scripts cannot
// see or patch this `fetch` or read its answer, which they could in the MAIN world (MDN
// "scripting.ExecutionWorld": the page "can detect and interfere with the executed code").
//
// Rules kept here (the transport contract of src/http.rs for this one request):
// - nothing is sent unless the tab is on the planned origin (`location.origin`), so the
//   session POST never leaves from another site's page;
// - `credentials: 'same-origin'` (the tab's Jira session), `redirect: 'manual'` (a login
//   redirect comes back as `opaqueredirect` → `status: 0, redirect: true`), `cache: 'no-store'`;
// - an AbortController aborts the request, body included, after `timeoutMs`;
// - only the response headers the core names, at most `maxBodyBytes` of the body;
// - the answer (which holds the new token) is returned, never written to the page's DOM,
//   storage or console: it lives in this call's memory until the script ends.

/** @import { Exchange, TabRequest } from './pkg/jira_token_wizard.js' (`pat::TabRequest`, `http::Exchange`) */

/**
 * Sends `request` from the page it runs in and resolves with what came back; never rejects.
 * @param {TabRequest} request
 * @returns {Promise<Exchange>}
 */
export async function tabFetch(request) {
  const started = Date.now();
  const elapsedMs = () => Math.max(0, Date.now() - started);
  if (location.origin !== request.origin) {
    return {
      kind: 'notSent',
      elapsedMs: 0,
      detail: `this tab shows ${location.origin}, not ${request.origin}: open Jira in this tab`,
    };
  }
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), request.timeoutMs);
  try {
    const response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      credentials: 'same-origin',
      redirect: 'manual',
      cache: 'no-store',
      signal: controller.signal,
    });
    if (response.type === 'opaqueredirect') {
      return {
        kind: 'response',
        status: 0,
        headers: {},
        body: '',
        truncated: false,
        redirect: true,
        elapsedMs: elapsedMs(),
      };
    }
    /** @type {Record<string, string>} */
    const headers = {};
    for (const name of request.responseHeaders) {
      const value = response.headers.get(name);
      if (value !== null) headers[name] = value;
    }
    // At most maxBodyBytes, read from the stream; the rest is cancelled.
    const chunks = [];
    let size = 0;
    let truncated = false;
    const reader = response.body?.getReader();
    while (reader) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.length;
      if (size > request.maxBodyBytes) {
        truncated = true;
        reader.cancel().catch(() => {});
        break;
      }
    }
    const bytes = new Uint8Array(Math.min(size, request.maxBodyBytes));
    let at = 0;
    for (const chunk of chunks) {
      const part = chunk.subarray(0, bytes.length - at);
      bytes.set(part, at);
      at += part.length;
    }
    const body = new TextDecoder().decode(bytes);
    return {
      kind: 'response',
      status: response.status,
      headers,
      body,
      truncated,
      redirect: false,
      elapsedMs: elapsedMs(),
    };
  } catch (err) {
    const name = String(err?.name ?? 'Error');
    if (name === 'AbortError' || name === 'TimeoutError') return { kind: 'timeout', elapsedMs: elapsedMs() };
    return { kind: 'unreachable', elapsedMs: elapsedMs(), detail: `${name}: ${String(err?.message ?? err)}` };
  } finally {
    clearTimeout(timer);
  }
}
