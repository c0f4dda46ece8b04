// A token's expiry remembered, reminded and forgotten (flows/remember.mjs) in headless Chromium;
// firefox/remember.test.mjs runs the same in Firefox.
import { rememberFlows } from './flows/remember.mjs';

rememberFlows('chromium');
