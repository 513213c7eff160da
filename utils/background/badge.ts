import { t } from '../i18n';
import type { SessionView } from '../messages';
import type { ShiftState } from '../shift/shift-state';
import { toolbarAction } from './toolbar-action';
import { toolbarIconDetails } from './toolbar-icons';

interface Badge {
  text: string;
  color: string;
  title: string;
  /** The grey icon: the agent cannot take calls now. */
  muted: boolean;
}

/**
 * The toolbar button tells the phone's state at a glance: a grey icon while logged out or not
 * registered; a badge with nothing while ready, amber while connecting, red on error, green
 * during a call.
 */
export async function showSessionOnBadge(view: SessionView): Promise<void> {
  const { text, color, title, muted } = badgeFor(view);
  const shift = view.loggedIn ? shiftTitle(view.shift) : '';
  const action = toolbarAction();
  await Promise.all([
    action.setBadgeText({ text }),
    action.setBadgeBackgroundColor({ color }),
    action.setTitle({ title: `${t('extName')} — ${title}${shift}` }),
    action.setIcon(toolbarIconDetails(muted, import.meta.env.FIREFOX)),
  ]);
}

function badgeFor(view: SessionView): Badge {
  if (!view.loggedIn) {
    return { text: '', color: '#566373', title: t('badgeLoggedOut'), muted: true };
  }
  const call = view.call;
  if (call && (call.state === 'established' || call.state === 'held')) {
    return { text: '●', color: '#16794c', title: t('badgeInCall'), muted: false };
  }
  if (call && (call.state === 'dialing' || call.state === 'ringing')) {
    return { text: '…', color: '#0b6bcb', title: t('badgeCalling'), muted: false };
  }
  switch (view.sip.state) {
    case 'registered':
      return { text: '', color: '#16794c', title: t('sipStateRegistered'), muted: false };
    case 'connecting':
      return { text: '…', color: '#9a6700', title: t('sipStateConnecting'), muted: true };
    case 'error':
      return { text: '!', color: '#b42318', title: t('sipStateError'), muted: true };
    default:
      return { text: 'off', color: '#566373', title: t('sipStateUnregistered'), muted: true };
  }
}

/** A break or wrap-up is part of what the agent must see at a glance; ready needs no words. */
function shiftTitle(shift: ShiftState): string {
  if (shift.status === 'break') return ` · ${t('badgeOnBreak', [shift.breakReason ?? ''])}`;
  if (shift.status === 'wrap-up') return ` · ${t('badgeWrapUp')}`;
  return '';
}
