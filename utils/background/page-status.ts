import { sendToTab, type PageStatus, type SessionView } from '../messages';

/** What CRM tabs may know of the session: whether a click on a number can place a call. */
export function pageStatus(view: SessionView): PageStatus {
  return {
    loggedIn: view.loggedIn,
    sipState: view.loggedIn ? view.sip.state : null,
    inCall:
      view.loggedIn && !!view.call && view.call.state !== 'ended' && view.call.state !== 'failed',
  };
}

/** Call buttons in CRM tabs show whether a click can call; they learn each change from here. */
export function createPageStatusPush() {
  let last = '';
  return async function pushPageStatus(view: SessionView): Promise<void> {
    const status = pageStatus(view);
    const key = JSON.stringify(status);
    if (key === last) return;
    last = key;
    for (const tab of await browser.tabs.query({})) {
      if (tab.id !== undefined) sendToTab(tab.id, 'page.status', status);
    }
  };
}
