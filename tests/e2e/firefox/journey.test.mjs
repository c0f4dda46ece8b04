// The wizard as users walk it (../flows/journey.mjs) in headless Firefox; ../journey.test.mjs runs
// the same in Chromium.
import { journeyFlows } from '../flows.mjs';

journeyFlows('firefox');
