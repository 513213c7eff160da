import type { EndedCall } from '../messages';
import { readSettings } from '../settings/read-settings';
import { credentialsItem, phoneSnapshotItem } from '../session-storage';
import type { PhoneSnapshot } from '../sip/phone-state';
import type { CallFollower } from './calls/call-follower';
import type { SessionService } from './session/session-service';
import type { ShiftService } from './shift/shift-service';

export interface PhoneFollowers {
  session: Pick<SessionService, 'changed'>;
  calls: CallFollower;
  shift: Pick<ShiftService, 'onCall' | 'onCallEnded'>;
}

/**
 * What the background does with the phone host's events: keeps the last snapshot (so a restarted
 * service worker answers at once), repaints the session, and lets calls and the shift follow.
 * Each event must belong to the login running now: one from a phone that was started for an
 * earlier login (a late event, or one replayed) is ignored, like a request from a stranger.
 */
export function followPhone(followers: () => PhoneFollowers) {
  async function isCurrentSession(sessionId: string | null): Promise<boolean> {
    const credentials = await credentialsItem.getValue();
    return !!credentials && sessionId === credentials.phone.sessionId;
  }

  return {
    async onSnapshot(snapshot: PhoneSnapshot): Promise<void> {
      const { session, calls, shift } = followers();
      if (!(await isCurrentSession(snapshot.sessionId))) return;
      await phoneSnapshotItem.setValue(snapshot);
      await shift.onCall(snapshot.call);
      await session.changed();
      await calls.onSnapshot(snapshot, await readSettings());
    },
    async onCallEnded({ sessionId, call }: EndedCall): Promise<void> {
      const { calls, shift } = followers();
      if (!(await isCurrentSession(sessionId))) return;
      await calls.onCallEnded(call);
      // Only a campaign call starts a wrap-up; others need not read the settings for it.
      if (call.campaign) await shift.onCallEnded(call, (await readSettings()).wrapUpSeconds);
    },
  };
}
