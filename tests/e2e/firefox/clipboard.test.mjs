// The clipboard flows (../flows.mjs `clipboardFlows`) in headless Firefox (alarm + the
// background page's own DOM); ../clipboard.test.mjs runs the same in Chromium.
import { clipboardFlows } from '../flows.mjs';

clipboardFlows('firefox');
