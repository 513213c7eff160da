import { broadcast, handleRequests } from '@/utils/messages';
import { createSessionService } from '@/utils/session/session-service';
import { debugLog } from '@/utils/debug-log';

export default defineBackground(() => {
  const session = createSessionService({
    hasOriginPermission: (origin) => browser.permissions.contains({ origins: [`${origin}/*`] }),
    sipStatus: () => ({ state: 'connecting' }),
    onChange: (view) => broadcast('session.changed', view),
    log: debugLog,
  });

  handleRequests({
    'session.get': () => session.view(),
    'session.login': (payload) => session.login(payload),
    'session.logout': () => session.logout(),
    'page.status': async () => {
      const view = await session.view();
      return {
        loggedIn: view.loggedIn,
        sipState: view.loggedIn ? view.sip.state : null,
        inCall: false,
      };
    },
    'call.dial': async () => {
      const view = await session.view();
      return { ok: false, error: { key: view.loggedIn ? 'errorPhoneNotReady' : 'errorNotLoggedIn', substitutions: [] } };
    },
  });
});
