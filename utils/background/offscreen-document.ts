/**
 * Chrome only: the offscreen document that hosts the phone. A service worker has no WebRTC and
 * is stopped when idle; an offscreen document with WEB_RTC/USER_MEDIA reasons lives on.
 */
export const OFFSCREEN_PATH = 'offscreen.html';

let creating: Promise<void> | undefined;

export async function offscreenDocumentExists(): Promise<boolean> {
  const url = browser.runtime.getURL(`/${OFFSCREEN_PATH}`);
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
        url: OFFSCREEN_PATH,
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
