// The clipboard permissions asked at the first copy of a secret (../flows/clipboard-access.mjs)
// in headless Firefox; ../clipboard-access.test.mjs runs the same in Chromium.
import { clipboardAccessFlows } from '../flows/clipboard-access.mjs';

clipboardAccessFlows('firefox');
