import { toolbarAction } from './toolbar-action';

/**
 * Brings the agent to the popup where the browser allows it, else to a tab of it (Firefox opens
 * popups only from a user action such as the keyboard command, not from a notification).
 */
export async function openPopup(): Promise<void> {
  try {
    await toolbarAction().openPopup();
  } catch {
    await browser.tabs.create({ url: browser.runtime.getURL('/popup.html') });
  }
}
