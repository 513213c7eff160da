import type { ErrorInfo } from '../../errors';
import { t } from '../../i18n';
import {
  needsConfirmation,
  type DialReply,
  type DialRequest,
  isExtensionUrl,
} from '../../messages';
import { resolveDefaultCountry } from '../../phone-numbers/default-country';
import { readSettings } from '../../settings/read-settings';
import type { DialSource } from './call-confirmations';
import { numberInSelection } from './selection-number';

const MENU_ID = 'call-selection';
export const DIAL_SELECTION_COMMAND = 'dial-selection';

export interface SelectionCommandOptions {
  placeCall(request: DialRequest, source: DialSource): Promise<DialReply>;
  /** No number selected, or one to confirm: bring up the popup. */
  openPopup(): Promise<void>;
  /** Tells the agent why nothing was dialled: no number in the selection, or a refusal (blocked). */
  notify(error: ErrorInfo): void;
}

/**
 * "Call <selection>" in the context menu, and a keyboard command (Ctrl+Shift+Y by default,
 * rebindable in the browser) that calls the selected number or opens the dial pad.
 */
export function installSelectionCommands(options: SelectionCommandOptions): void {
  const createMenu = () => {
    browser.contextMenus.removeAll().then(() =>
      browser.contextMenus.create({
        id: MENU_ID,
        title: t('contextMenuCall', ['%s']),
        contexts: ['selection'],
      }),
    );
  };
  // Chrome keeps menu items across service-worker restarts; Firefox's background page recreates them.
  browser.runtime.onInstalled.addListener(createMenu);
  if (import.meta.env.FIREFOX) createMenu();

  const dialSelection = async (selection: string | undefined, pageUrl: string | undefined) => {
    const country = resolveDefaultCountry((await readSettings()).defaultCountry);
    const request = selection ? numberInSelection(selection, country) : null;
    // A selection on a web page is shown in the popup, large, before it is dialled.
    if (request) {
      // Text selected on the extension's own pages needs no second look.
      const source: DialSource = isExtensionUrl(pageUrl)
        ? { kind: 'extension' }
        : { kind: 'selection' };
      const reply = await options.placeCall(request, source);
      if (needsConfirmation(reply)) await options.openPopup();
      else if (!reply.ok) options.notify(reply.error);
    } else if (selection?.trim()) {
      options.notify({ key: 'errorNoNumberInSelection', substitutions: [] });
    } else await options.openPopup();
  };

  browser.contextMenus.onClicked.addListener((info) => {
    if (info.menuItemId === MENU_ID)
      void dialSelection(info.selectionText, info.frameUrl ?? info.pageUrl);
  });

  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== DIAL_SELECTION_COMMAND) return;
    void (async () => {
      let selection: string | undefined;
      if (tab?.id !== undefined) {
        // The command grants activeTab for this tab: read what the agent selected there.
        const [result] = await browser.scripting
          .executeScript({
            target: { tabId: tab.id },
            func: () => getSelection()?.toString() ?? '',
          })
          .catch(() => []);
        selection = typeof result?.result === 'string' ? result.result : undefined;
      }
      await dialSelection(selection, tab?.url);
    })();
  });
}
