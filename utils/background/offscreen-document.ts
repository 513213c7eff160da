import { PHONE_HOST_DOCUMENT } from '../messages';

/*
 * Chrome only: the offscreen document that hosts the phone. A service worker has no WebRTC and
 * is stopped when idle; an offscreen document with WEB_RTC/USER_MEDIA reasons lives on. The
 * contract names it (`PHONE_HOST_DOCUMENT`), since the phone's events are accepted from it alone.
 */

let creating: Promise<void> | undefined;

export async function offscreenDocumentExists(): Promise<boolean> {
  const url = browser.runtime.getURL(`/${PHONE_HOST_DOCUMENT}`);
  const contexts = await browser.runtime.getContexts({
    contextTypes: [browser.runtime.ContextType.OFFSCREEN_DOCUMENT],
    documentUrls: [url],
  });
  return contexts.length > 0;
}

/** Creates the document unless it exists; concurrent callers share one creation. Returns true if created. */
export async function ensureOffscreenDocument(): Promise<boolean> {
  if (await offscreenDocumentExists()) return false;
  if (!creating) {
    creating = browser.offscreen
      .createDocument({
        url: PHONE_HOST_DOCUMENT,
        reasons: [
          browser.offscreen.Reason.WEB_RTC,
          browser.offscreen.Reason.USER_MEDIA,
          browser.offscreen.Reason.AUDIO_PLAYBACK,
        ],
        justification: 'Keeps the agent’s SIP phone registered and plays call audio.',
      })
      .finally(() => {
        creating = undefined;
      });
  }
  await creating;
  return true;
}

export async function closeOffscreenDocument(): Promise<void> {
  if (await offscreenDocumentExists()) await browser.offscreen.closeDocument();
}
