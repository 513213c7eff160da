import { t } from './i18n';
import type { SessionView } from './messages';
import { toolbarAction } from './toolbar-action';

/**
 * The toolbar button tells the phone's state at a glance: nothing while ready, amber while
 * connecting, red on error, green during a call.
 */
export async function showSessionOnBadge(view: SessionView): Promise<void> {
  const { text, color, title } = badgeFor(view);
  const action = toolbarAction();
  await Promise.all([
    action.setBadgeText({ text }),
    action.setBadgeBackgroundColor({ color }),
    action.setTitle({ title: `${t('extName')} — ${title}` }),
  ]);
}

function badgeFor(view: SessionView): { text: string; color: string; title: string } {
  if (!view.loggedIn) return { text: '', color: '#566373', title: t('badgeLoggedOut') };
  const call = view.call;
  if (call && (call.state === 'established' || call.state === 'held')) {
    return { text: '●', color: '#16794c', title: t('badgeInCall') };
  }
  if (call && (call.state === 'dialing' || call.state === 'ringing')) {
    return { text: '…', color: '#0b6bcb', title: t('badgeCalling') };
  }
  switch (view.sip.state) {
    case 'registered':
      return { text: '', color: '#16794c', title: t('sipStateRegistered') };
    case 'connecting':
      return { text: '…', color: '#9a6700', title: t('sipStateConnecting') };
    case 'error':
      return { text: '!', color: '#b42318', title: t('sipStateError') };
    default:
      return { text: 'off', color: '#566373', title: t('sipStateUnregistered') };
  }
}
