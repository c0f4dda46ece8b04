// Chrome's offscreen document (reason CLIPBOARD): the service worker has no DOM, so it opens
// this page when the clipboard alarm fires, asks it to clear the clipboard if it still holds
// the copied secret (clipboard.js), then closes it. Only `chrome.runtime` works here.

import { onOffscreenMessage } from './browser.js';
import { clearIfStill, isDigest, isSalt } from './clipboard.js';
import { CLIPBOARD_CLEAR_NOW } from './protocol.js';

onOffscreenMessage(CLIPBOARD_CLEAR_NOW, async (message) => {
  if (!isDigest(message.digest) || !isSalt(message.salt)) return { ok: false, error: 'bad digest' };
  return clearIfStill(message.digest, message.salt);
});
