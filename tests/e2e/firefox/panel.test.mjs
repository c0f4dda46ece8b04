// The wizard beside the page (../flows/panel.mjs) in headless Firefox: the sidebar opens, the
// page it shows is driven in a tab of its own (../browsers/firefox.mjs); ../panel.test.mjs runs
// the same in Chromium.
import { panelFlows } from '../flows/panel.mjs';

panelFlows('firefox');
