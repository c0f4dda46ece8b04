// What the wizard lets go of (../flows/residue.mjs) in headless Firefox; ../residue.test.mjs
// runs the same in Chromium.
import { residueFlows } from '../flows/residue.mjs';

residueFlows('firefox');
