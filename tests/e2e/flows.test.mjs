// The core flows (flows.mjs) in headless Chromium; tests/e2e/firefox/flows.test.mjs runs the
// same in Firefox.
import { coreFlows } from './flows.mjs';

coreFlows('chromium');
