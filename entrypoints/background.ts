import { showSessionOnBadge } from '@/utils/badge';
import { createCallFollower } from '@/utils/calls/call-follower';
import { clearHistory } from '@/utils/calls/call-history';
import { installSelectionCommands } from '@/utils/calls/selection-commands';
import { t } from '@/utils/i18n';
import { debugLog } from '@/utils/debug-log';
import { toErrorInfo } from '@/utils/errors';
import { disableSite, enableSite } from '@/utils/crm/enabled-sites';
import { syncSiteScripts } from '@/utils/crm/site-scripts';
import { AppError } from '@/utils/errors';
import {
  broadcast,
  handleRequests,
  onEvent,
  sendToTab,
  type PageStatus,
  type SessionView,
} from '@/utils/messages';
import { dialTarget } from '@/utils/dial-plan/dial-target';
import { sanitizeDialString } from '@/utils/phone-numbers/dial-string';
import { createPhoneHost, microphoneConstraints } from '@/utils/phone-host/phone-host';
import { createLocalClient, createOffscreenClient } from '@/utils/phone-host/phone-host-client';
import { phoneConfig } from '@/utils/phone-host/phone-config';
import { createPhoneManager } from '@/utils/phone-host/phone-manager';
import { createTonePlayer } from '@/utils/phone-host/tones';
import { toolbarAction } from '@/utils/toolbar-action';
import { openMicrophoneSetupIfNeeded } from '@/utils/phone-host/microphone-setup';
import {
  createMicrophoneTab,
  exposeMicrophoneRegistry,
  MICROPHONE_PAGE_PATH,
  type MicrophoneTab,
} from '@/utils/phone-host/microphone-tab';
import { createSessionService } from '@/utils/session/session-service';
import type { PhoneSnapshot } from '@/utils/sip/phone-state';
import { credentialsItem, phoneSnapshotItem } from '@/utils/session-storage';
import { agentItem } from '@/utils/storage';
import { readSettings, settingsItem } from '@/utils/settings/read-settings';

const WATCHDOG_ALARM = 'phone-watchdog';

export default defineBackground({
  // Firefox (MV2): the background page hosts the phone and must stay alive. Chrome ignores this.
  persistent: true,
  main() {
    // Firefox: the microphone comes from a pinned extension tab (background pages may not capture).
    const microphoneTab = import.meta.env.FIREFOX
      ? createFirefoxMicrophoneTab(() => localHost?.microphoneGone())
      : undefined;
    const localHost = import.meta.env.FIREFOX
      ? createPhoneHost({
          remoteAudio: document.body.appendChild(document.createElement('audio')),
          tones: createTonePlayer(),
          captureMicrophone: microphoneTab?.capture,
          onSnapshot: (snapshot) => void onPhoneSnapshot(snapshot),
          onCallEnded: (call) => void calls.onCallEnded(call),
        })
      : undefined;
    const client = localHost ? createLocalClient(localHost) : createOffscreenClient();

    const phone = createPhoneManager({
      client,
      log: debugLog,
      loadConfig: async () => {
        const [agent, credentials, settings] = await Promise.all([
          agentItem.getValue(),
          credentialsItem.getValue(),
          readSettings(),
        ]);
        return agent && credentials ? phoneConfig(agent, credentials, settings) : null;
      },
    });

    const calls = createCallFollower({
      answer: (callId) => void phone.command('phone.answer', { callId }).catch(debugLog),
      decline: (callId) => void phone.command('phone.decline', { callId }).catch(debugLog),
      show: () => void showPhone(),
      openTab: (url) => void browser.tabs.create({ url }),
      notificationButtons: !import.meta.env.FIREFOX,
      log: debugLog,
    });

    const session = createSessionService({
      hasOriginPermission: (origin) => browser.permissions.contains({ origins: [`${origin}/*`] }),
      phoneSnapshot: () => phoneSnapshotItem.getValue(),
      startPhone: async () => {
        await phone.ensureRunning();
        await browser.alarms.create(WATCHDOG_ALARM, { periodInMinutes: 0.5 });
        const microphoneReady = microphoneTab
          ? readSettings().then((settings) =>
              microphoneTab.open({ audio: microphoneConstraints(settings.audioInputId) }),
            )
          : openMicrophoneSetupIfNeeded(client);
        void microphoneReady.catch((error: unknown) => debugLog('microphone check', error));
      },
      stopPhone: async () => {
        await browser.alarms.clear(WATCHDOG_ALARM);
        await phone.stop();
        await phoneSnapshotItem.removeValue();
        await microphoneTab?.close().catch((error: unknown) => debugLog('microphone tab', error));
      },
      onChange: (view) => {
        broadcast('session.changed', view);
        void showSessionOnBadge(view);
        void pushPageStatus(view);
      },
      log: debugLog,
    });

    /** Call buttons in CRM tabs show whether a click can call; they learn it from here. */
    let lastPageStatus = '';
    async function pushPageStatus(view: SessionView): Promise<void> {
      const status = pageStatus(view);
      const key = JSON.stringify(status);
      if (key === lastPageStatus) return;
      lastPageStatus = key;
      for (const tab of await browser.tabs.query({})) {
        if (tab.id !== undefined) sendToTab(tab.id, 'page.status', status);
      }
    }

    async function onPhoneSnapshot(snapshot: PhoneSnapshot): Promise<void> {
      const credentials = await credentialsItem.getValue();
      // A late event from a phone that belonged to an earlier login must not paint this one.
      if (!credentials || snapshot.sessionId !== credentials.phone.sessionId) return;
      await phoneSnapshotItem.setValue(snapshot);
      await session.changed();
      await calls.onSnapshot(snapshot, await readSettings());
    }
    if (!localHost) {
      onEvent('phone.changed', (snapshot) => void onPhoneSnapshot(snapshot));
      onEvent('phone.callEnded', (call) => void calls.onCallEnded(call));
    }

    /** Call commands: the phone is brought back first if its host had gone away. */
    const command = async <T>(run: () => Promise<T>) => {
      try {
        return await run();
      } catch (error) {
        return { ok: false as const, error: toErrorInfo(error) };
      }
    };

    handleRequests({
      'session.get': () => {
        // Someone is looking: make sure the phone exists (Chrome may have closed its document).
        void phone.ensureRunning().catch((error: unknown) => debugLog('phone check', error));
        return session.view();
      },
      'session.login': (payload) => session.login(payload),
      'session.logout': () => session.logout(),
      'page.status': async () => pageStatus(await session.view()),
      'call.dial': (payload) =>
        command(async () => {
          // Pages are not trusted: the dial string is checked again here, before the phone sees it.
          const dial = sanitizeDialString(payload.dial);
          if (!dial || dial !== payload.dial) throw new AppError('errorDialInvalid');
          return phone.command('phone.dial', {
            // The house dial plan (outside line, prefixes) rewrites it last.
            dial: dialTarget(dial, await readSettings()),
            display: String(payload.display).slice(0, 64),
            ...(payload.extension ? { extension: payload.extension } : {}),
          });
        }),
      'call.answer': (payload) => command(() => phone.command('phone.answer', payload)),
      'call.decline': (payload) => command(() => phone.command('phone.decline', payload)),
      'call.hangup': (payload) => command(() => phone.command('phone.hangup', payload)),
      'call.transfer': ({ target }) =>
        command(async () => {
          const dial = sanitizeDialString(target, undefined);
          if (!dial) throw new AppError('errorDialInvalid');
          const { transferMode } = await readSettings();
          return phone.command('phone.transfer', { target: dial, mode: transferMode });
        }),
      'history.clear': () =>
        command(async () => ({ ok: true, value: (await clearHistory()) ?? null })),
      'call.mute': (payload) => command(() => phone.command('phone.mute', payload)),
      'call.hold': (payload) => command(() => phone.command('phone.hold', payload)),
      'call.dtmf': (payload) => command(() => phone.command('phone.dtmf', payload)),
      'call.stats': () => command(() => phone.command('phone.stats', null)),
      'sites.enable': ({ origin, tabId }) =>
        command(async () => ({ ok: true, value: await enableSite(origin, tabId) })),
      'sites.disable': ({ origin }) =>
        command(async () => ({ ok: true, value: await disableSite(origin) })),
    });

    installSelectionCommands({
      dial: async (request) => {
        try {
          const dial = dialTarget(request.dial, await readSettings());
          return await phone.command('phone.dial', { ...request, dial });
        } catch (error) {
          return { ok: false, error: toErrorInfo(error) };
        }
      },
      showPhone,
      notifyNoNumber: () =>
        void browser.notifications.create({
          type: 'basic',
          iconUrl: browser.runtime.getURL('/icon/128.png'),
          title: t('extName'),
          message: t('errorNoNumberInSelection'),
        }),
    });

    // The phone host can vanish (Chrome closes an offscreen document on a crash or by force);
    // the watchdog and every service-worker start bring it back without registering twice.
    browser.alarms.onAlarm.addListener((alarm) => {
      if (alarm.name === WATCHDOG_ALARM) void phone.ensureRunning();
    });
    browser.runtime.onStartup.addListener(() => void phone.ensureRunning());
    // Firefox forgets runtime-registered content scripts on restart; Chrome keeps them.
    void readSettings()
      .then((settings) => syncSiteScripts(settings.enabledSites))
      .catch((error: unknown) => debugLog('site scripts', error));
    // A device picked in the options page applies at once, mid-call too.
    settingsItem.watch((settings, previous) => {
      if (
        settings &&
        (settings.autoAnswer !== previous?.autoAnswer ||
          settings.soundsMuted !== previous?.soundsMuted)
      ) {
        phone
          .command('phone.preferences', {
            autoAnswer: settings.autoAnswer ?? true,
            soundsMuted: settings.soundsMuted ?? false,
          })
          .catch((error: unknown) => debugLog('call preferences not applied', error));
      }
      if (
        settings?.audioInputId === previous?.audioInputId &&
        settings?.audioOutputId === previous?.audioOutputId
      )
        return;
      phone
        .command('phone.devices', {
          audioInputId: settings?.audioInputId ?? '',
          audioOutputId: settings?.audioOutputId ?? '',
        })
        .catch((error: unknown) => debugLog('audio devices not applied', error));
    });
    void phone.ensureRunning().catch((error: unknown) => debugLog('phone resume', error));
    void session.view().then(showSessionOnBadge);
  },
});

/**
 * Brings the agent to the phone: the popup where the browser allows it, else a tab of it (Firefox
 * opens popups only from a user action such as the keyboard command, not from a notification).
 */
async function showPhone(): Promise<void> {
  try {
    await toolbarAction().openPopup();
  } catch {
    await browser.tabs.create({ url: browser.runtime.getURL('/popup.html') });
  }
}

/** Firefox's microphone tab, pinned next to the agent's tabs. */
function createFirefoxMicrophoneTab(onSourceGone: () => void): MicrophoneTab {
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
    log: debugLog,
  });
  // The page finds it here through runtime.getBackgroundPage().
  exposeMicrophoneRegistry(globalThis, microphoneTab.registry);
  return microphoneTab;
}

function pageStatus(view: SessionView): PageStatus {
  return {
    loggedIn: view.loggedIn,
    sipState: view.loggedIn ? view.sip.state : null,
    inCall:
      view.loggedIn && !!view.call && view.call.state !== 'ended' && view.call.state !== 'failed',
  };
}
