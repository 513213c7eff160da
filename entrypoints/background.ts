import { showSessionOnBadge } from '@/utils/background/badge';
import { createCallConfirmations } from '@/utils/background/calls/call-confirmations';
import { createCallFollower } from '@/utils/background/calls/call-follower';
import { clearHistory } from '@/utils/background/calls/call-history';
import { installSelectionCommands } from '@/utils/background/calls/selection-commands';
import { disableSite, enableSite } from '@/utils/background/enabled-sites';
import { followPhone } from '@/utils/background/follow-phone';
import { openPopup } from '@/utils/background/open-popup';
import { createNumberDetection, pageSettingsOf } from '@/utils/background/number-detection';
import { createPageStatusPush, pageStatus } from '@/utils/background/page-status';
import { createCallPlacer, dialSourceOf } from '@/utils/background/place-call';
import { loadPhoneConfig } from '@/utils/background/phone-config';
import { connectPhoneHost } from '@/utils/background/phone-host-connection';
import { createPhoneHostLink } from '@/utils/background/phone-host-link';
import { syncPhoneSettings } from '@/utils/background/phone-settings-sync';
import { createSessionService } from '@/utils/background/session/session-service';
import { createAgentShift } from '@/utils/background/shift/agent-shift';
import { syncSiteScripts } from '@/utils/crm/site-scripts';
import { debugLog } from '@/utils/debug-log';
import { toErrorInfo } from '@/utils/errors';
import { t } from '@/utils/i18n';
import { broadcast, handleRequests } from '@/utils/messages';
import { cachedSettingsReader, readSettings } from '@/utils/settings/read-settings';
import { phoneSnapshotItem } from '@/utils/session-storage';

const WATCHDOG_ALARM = 'phone-watchdog';

export default defineBackground({
  // Firefox (MV2): the background page hosts the phone and must stay alive. Chrome ignores this.
  persistent: true,
  main() {
    const connection = connectPhoneHost(
      {
        onSnapshot: (snapshot) => void phoneEvents.onSnapshot(snapshot),
        onCallEnded: (call) => void phoneEvents.onCallEnded(call),
      },
      debugLog,
    );
    const phoneEvents = followPhone(() => ({ session, calls, shift }));
    const host = createPhoneHostLink({
      transport: connection.transport,
      log: debugLog,
      loadConfig: loadPhoneConfig,
    });
    const shift = createAgentShift({
      expectCampaignLeg: (leg) => host.command('phone.expectCampaignLeg', leg),
      onChange: () => void session.changed(),
      openPopup: () => void openPopup(),
      log: debugLog,
    });
    const confirmations = createCallConfirmations();
    // Read on every dial and every CRM frame's start: resolved once per change, not per request.
    const currentSettings = cachedSettingsReader();
    const placeCall = createCallPlacer({
      host,
      readSettings: currentSettings,
      confirmations,
      campaignCall: (campaign, destination, display) =>
        shift.placeCampaignCall(campaign, destination, display),
    });

    const calls = createCallFollower({
      answer: (callId) => void host.command('call.answer', { callId }).catch(debugLog),
      decline: (callId) => void host.command('call.decline', { callId }).catch(debugLog),
      show: () => void openPopup(),
      openTab: (url) => void browser.tabs.create({ url }),
      notificationButtons: !import.meta.env.FIREFOX,
      log: debugLog,
    });

    const pushPageStatus = createPageStatusPush();
    const session = createSessionService({
      hasOriginPermission: (origin) => browser.permissions.contains({ origins: [`${origin}/*`] }),
      phoneSnapshot: () => phoneSnapshotItem.getValue(),
      shift: () => shift.view(),
      beforeLogout: () => shift.beforeLogout(),
      startPhone: async () => {
        await host.ensureRunning();
        await browser.alarms.create(WATCHDOG_ALARM, { periodInMinutes: 0.5 });
        void readSettings()
          .then((settings) => connection.prepareMicrophone(settings))
          .catch((error: unknown) => debugLog('microphone check', error));
      },
      stopPhone: async () => {
        await browser.alarms.clear(WATCHDOG_ALARM);
        await host.stop();
        await phoneSnapshotItem.removeValue();
        await connection
          .releaseMicrophone()
          .catch((error: unknown) => debugLog('microphone', error));
      },
      onChange: (view) => {
        broadcast('session.changed', view);
        void showSessionOnBadge(view);
        void pushPageStatus(view);
      },
      log: debugLog,
    });

    const reply = async <T>(run: () => Promise<T>) =>
      run()
        .then((value) => ({ ok: true as const, value }))
        .catch((error: unknown) => ({ ok: false as const, error: toErrorInfo(error) }));

    const numbers = createNumberDetection();
    handleRequests({
      ...host.callCommandHandlers(),
      'session.get': () => {
        // Someone is looking: make sure the phone exists (Chrome may have closed its document).
        void host.ensureRunning().catch((error: unknown) => debugLog('phone check', error));
        return session.view();
      },
      'session.login': (payload) => session.login(payload),
      'session.logout': () => session.logout(),
      'page.status': async () => pageStatus(await session.view()),
      'page.settings': async () => pageSettingsOf(await currentSettings()),
      'numbers.detect': async (request) => numbers.detect(request),
      'numbers.shows': async (request) => numbers.shows(request),
      'call.prepare': async () => {
        host.prepare();
        return null;
      },
      'call.dial': async (request, sender) => placeCall(request, dialSourceOf(sender)),
      'call.pendingConfirmation': async () => confirmations.pending(),
      'call.cancelConfirmation': async ({ token }) => {
        confirmations.cancel(String(token));
        return null;
      },
      'history.clear': () => reply(async () => (await clearHistory()) ?? null),
      'shift.break': ({ reason }) => shift.takeBreak(String(reason)),
      'shift.resume': () => shift.endBreak(),
      'shift.saveResult': (input) => shift.saveResult(input),
      'sites.enable': ({ origin, tabId }) => reply(() => enableSite(origin, tabId)),
      'sites.disable': ({ origin }) => reply(() => disableSite(origin)),
    });

    installSelectionCommands({
      placeCall,
      openPopup,
      notify: (error) =>
        void browser.notifications.create({
          type: 'basic',
          iconUrl: browser.runtime.getURL('/icon/128.png'),
          title: t('extName'),
          message: t(error.key, error.substitutions),
        }),
    });

    // The phone host can vanish (Chrome closes an offscreen document on a crash or by force);
    // the watchdog and every service-worker start bring it back without registering twice.
    browser.alarms.onAlarm.addListener((alarm) => {
      if (alarm.name === WATCHDOG_ALARM) void host.ensureRunning();
    });
    browser.runtime.onStartup.addListener(() => void host.ensureRunning());
    // Firefox forgets runtime-registered content scripts on restart; Chrome keeps them.
    void readSettings()
      .then((settings) => syncSiteScripts(settings.enabledSites))
      .catch((error: unknown) => debugLog('site scripts', error));
    syncPhoneSettings(host, debugLog);
    void host.ensureRunning().catch((error: unknown) => debugLog('phone resume', error));
    void session.view().then(showSessionOnBadge);
  },
});
