import { exposeMicrophoneRegistry, MICROPHONE_PAGE_PATH } from '../microphone-registry';
import { createMicrophoneTab, type MicrophoneTab } from './microphone-tab';

/**
 * Firefox's microphone tab, pinned next to the agent's tabs: the broker (`microphone-tab.ts`)
 * given the tab and window APIs, and its registry put where the page finds it.
 */
export function createFirefoxMicrophoneTab(
  onSourceGone: () => void,
  log: (...args: unknown[]) => void,
): MicrophoneTab {
  const microphoneTab = createMicrophoneTab({
    openTab: async () => {
      await browser.tabs.create({
        url: browser.runtime.getURL(MICROPHONE_PAGE_PATH),
        pinned: true,
        active: false,
      });
    },
    activeTab: async () => {
      const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
      return tab?.id;
    },
    showTab: async (tabId) => {
      const tab = await browser.tabs.update(tabId, { active: true });
      if (tab?.windowId !== undefined)
        await browser.windows.update(tab.windowId, { focused: true });
    },
    closeTab: (tabId) => browser.tabs.remove(tabId),
    onSourceGone,
    log,
  });
  // The page finds it here through runtime.getBackgroundPage().
  exposeMicrophoneRegistry(globalThis, microphoneTab.registry);
  return microphoneTab;
}
