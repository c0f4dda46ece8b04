// The popup's offer to test a scoped Cloud API token through Atlassian's gateway (facts §3.2).
// Shown when the core says so (`CheckResult.gatewayOffer`): the site refused a Cloud API token
// — a scoped token gets the same 401 as a wrong one — and the gateway was not asked.
// Its button requests the optional host permission for https://api.atlassian.com/* straight
// from the click (browsers grant permissions only inside a user gesture) and, only when it is
// granted, hands back to wizard.js, which re-runs the test with `gateway` set. So the token goes
// to the gateway only after this click and with that permission; the service worker checks the
// permission again (background.js) and lets no other gateway through (protocol.js).

import { requestOrigin } from './browser.js';
import { $ } from './dom.js';
import { facts } from './facts.js';

/** The core's id for the gateway's `/myself` request (`GATEWAY_MYSELF`, src/probe/mod.rs). */
const GATEWAY_MYSELF = 'gateway_myself';

/**
 * True when the core offers the gateway for `result` (the core's `CheckResult`) and it was
 * neither asked nor part of the run (`test.gatewayTried`, wizard.js's state).
 */
export function offersGateway(result, test) {
  return result?.gatewayOffer === true
    && !test.gatewayTried
    && !(result.requests ?? []).some((r) => r.id === GATEWAY_MYSELF);
}

/** Shows the offer (and, after a refusal, why nothing was sent) for wizard.js's `state.test`. */
export function renderGateway(test) {
  const offer = Boolean(test.result) && offersGateway(test.result, test);
  $('gateway').hidden = !offer;
  $('gateway-try').disabled = test.running;
  $('gateway-denied').hidden = !(offer && test.gatewayDenied);
}

/**
 * Wires the button. `onGranted()` re-runs the test through the gateway; `onDenied()` says
 * access was refused (the user's answer to the browser's prompt, or an error asking for it).
 */
export function initGateway({ onGranted, onDenied }) {
  $('gateway-try').addEventListener('click', () => {
    // First thing in the click handler: the request needs the user gesture.
    requestOrigin(facts().gateway).then((granted) => (granted ? onGranted() : onDenied()), () => onDenied());
  });
}
