// The wizard as users walk it (flows/journey.mjs) in headless Chromium; firefox/journey.test.mjs runs
// the same in Firefox.
import { journeyFlows } from './flows.mjs';

journeyFlows('chromium');
