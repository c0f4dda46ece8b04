// The core flows, written once and run in each browser the extension ships for: Chromium
// (flows.test.mjs) and Firefox (firefox/flows.test.mjs), through the browser-neutral drivers
// in browsers/. A flow talks to the wizard only through the `Wizard` interface (browsers/index.mjs)
// and checks what the Jira simulator saw; where a browser cannot do a step headlessly (headless
// Chromium never shows a permission prompt) the flow says so with a skip and its reason.
//
// Flows: detection (Cloud; Data Center under a context path; Confluence and a plain page are not
// Jira; a page the extension cannot read), a typed address on a non-default port, host access
// refused and granted, token tests (works; credentials_rejected; captcha_required;
// token_not_recognized while the browser holds a session), a target's connection block and its
// copy buttons, the report (copied and downloaded), one-click PAT creation, a scoped Cloud
// token through Atlassian's gateway, and the helpdesk page's browser-beside-server view.
//
// Ports: the simulator listens on a random port (never 80 or 443), so every flow is "Jira on a
// non-default port" (Jira's own default is 8080); the host permission the wizard asks for and
// checks is the host's, any port (extension/browser.js `originPattern`).

import { clipboardFlows } from './flows/clipboard.mjs';
import { gatewayFlows } from './flows/gateway.mjs';
import { helpdeskFlows } from './flows/helpdesk.mjs';
import { journeyFlows } from './flows/journey.mjs';
import { onceFlows } from './flows/once.mjs';
import { withAccessFlows } from './flows/with-access.mjs';
import { withoutAccessFlows } from './flows/without-access.mjs';

export { clipboardFlows, journeyFlows };

/**
 * Registers the core flows for `name` ('chromium' | 'firefox').
 * @param {'chromium'|'firefox'} name
 */
export function coreFlows(name) {
  withAccessFlows(name);
  withoutAccessFlows(name);
  gatewayFlows(name);
  helpdeskFlows(name);
  onceFlows(name);
}
