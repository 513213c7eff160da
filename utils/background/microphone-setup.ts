import type { PhoneHostTransport } from './phone-host-transport';

export const MICROPHONE_SETUP_PATH = '/options.html#microphone';

/**
 * Neither the offscreen document nor the popup can show the microphone prompt, so after login
 * the options page opens once in a tab to ask for it, when it is not granted yet.
 */
export async function openMicrophoneSetupIfNeeded(host: PhoneHostTransport): Promise<boolean> {
  const state = await host.request('phone.microphone', null);
  if (state === 'granted' || state === 'unsupported') return false;
  await browser.tabs.create({ url: browser.runtime.getURL(MICROPHONE_SETUP_PATH) });
  return true;
}
