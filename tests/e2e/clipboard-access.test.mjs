// The clipboard permissions asked at the first copy of a secret (flows/clipboard-access.mjs)
// in headless Chromium; tests/e2e/firefox/clipboard-access.test.mjs runs the same in Firefox.
import { clipboardAccessFlows } from './flows/clipboard-access.mjs';

clipboardAccessFlows('chromium');
