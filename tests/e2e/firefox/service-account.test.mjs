// Issue 18's wizard half (../flows/service-account.mjs) in headless Firefox;
// ../service-account.test.mjs runs the same in Chromium.
import { serviceAccountFlows } from '../flows/service-account.mjs';

serviceAccountFlows('firefox');
