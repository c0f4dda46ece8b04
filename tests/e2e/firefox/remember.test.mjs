// A token's expiry remembered, reminded and forgotten (../flows/remember.mjs) in headless
// Firefox; ../remember.test.mjs runs the same in Chromium.
import { rememberFlows } from '../flows/remember.mjs';

rememberFlows('firefox');
