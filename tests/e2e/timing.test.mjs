// The wizard's timing marks and steps (flows/timing.mjs) in headless Chromium;
// firefox/timing.test.mjs runs the same in Firefox.
import { timingFlows } from './flows/timing.mjs';

timingFlows('chromium');
