// The wizard beside the page (flows/panel.mjs) in headless Chromium: the real side panel;
// tests/e2e/firefox/panel.test.mjs runs the same in Firefox.
import { panelFlows } from './flows/panel.mjs';

panelFlows('chromium');
