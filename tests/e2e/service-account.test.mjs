// Issue 18's wizard half in headless Chromium (flows/service-account.mjs);
// firefox/service-account.test.mjs runs the same in Firefox.
import { serviceAccountFlows } from './flows/service-account.mjs';

serviceAccountFlows('chromium');
