// The wizard's timing marks and steps (../flows/timing.mjs) in headless Firefox;
// ../timing.test.mjs runs the same in Chromium.
import { timingFlows } from '../flows/timing.mjs';

timingFlows('firefox');
