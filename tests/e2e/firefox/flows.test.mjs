// The core flows (../flows.mjs) in headless Firefox (Debian firefox-esr over WebDriver BiDi,
// ../browsers/firefox.mjs); ../flows.test.mjs runs the same in Chromium.
import { coreFlows } from '../flows.mjs';

coreFlows('firefox');
