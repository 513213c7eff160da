import { readSettings } from '../settings/read-settings';
import { credentialsItem, phoneSnapshotItem } from '../session-storage';
import type { CallView, PhoneSnapshot } from '../sip/phone-state';
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
 */
export function followPhone(followers: () => PhoneFollowers) {
  return {
    async onSnapshot(snapshot: PhoneSnapshot): Promise<void> {
      const { session, calls, shift } = followers();
      const credentials = await credentialsItem.getValue();
      // A late event from a phone that belonged to an earlier login must not paint this one.
      if (!credentials || snapshot.sessionId !== credentials.phone.sessionId) return;
      await phoneSnapshotItem.setValue(snapshot);
      await shift.onCall(snapshot.call);
      await session.changed();
      await calls.onSnapshot(snapshot, await readSettings());
    },
    async onCallEnded(call: CallView): Promise<void> {
      const { calls, shift } = followers();
      await calls.onCallEnded(call);
      // Only a campaign call starts a wrap-up; others need not read the settings for it.
      if (call.campaign) await shift.onCallEnded(call, (await readSettings()).wrapUpSeconds);
    },
  };
}
