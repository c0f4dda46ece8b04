// The clipboard flows (flows.mjs `clipboardFlows`) in headless Chromium: a copied secret is
// cleared after 60 s (alarm + offscreen document); tests/e2e/firefox/clipboard.test.mjs runs
// the same in Firefox. Slow on purpose: each waits the real 60 s once.
import { clipboardFlows } from './flows.mjs';

clipboardFlows('chromium');
