// What the wizard lets go of (flows/residue.mjs) in headless Chromium;
// tests/e2e/firefox/residue.test.mjs runs the same in Firefox.
import { residueFlows } from './flows/residue.mjs';

residueFlows('chromium');
