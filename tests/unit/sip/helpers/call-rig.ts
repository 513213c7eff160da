import { expect } from 'vitest';
import { Phone } from '@/utils/sip/phone';
import type { PhoneOptions } from '@/utils/sip/phone-options';
import type { CallView } from '@/utils/sip/phone-state';
import { EXTENSION, HA1, REALM, rigPhoneOptions, settle } from './phone-rig';
import { ScriptedPbx } from './scripted-pbx';

/**
 * A `Phone` registered at a scripted PBX that can also offer it calls, with every call change and
 * every ended call recorded. Like `createPhoneRig`, but for call workflows.
 */
export function createCallRig(overrides: Partial<PhoneOptions> = {}) {
  const pbx = new ScriptedPbx({ realm: REALM, username: EXTENSION, ha1: HA1 });
  const changes: Array<CallView | null> = [];
  const ended: CallView[] = [];
  const logs: string[] = [];
  const phone = new Phone(
    {
      ...rigPhoneOptions(pbx.Transport, logs),
      ...overrides,
    },
    {
      onCallChange: (call) => changes.push(call),
      onCallEnded: (call) => ended.push(call),
    },
  );
  return { phone, pbx, changes, ended, logs };
}

export type CallRig = ReturnType<typeof createCallRig>;

/** Starts the phone and lets it register. */
export async function startCallRig(overrides: Partial<PhoneOptions> = {}): Promise<CallRig> {
  const rig = createCallRig(overrides);
  await rig.phone.start();
  await settle();
  expect(rig.phone.registrationView).toEqual({ state: 'registered' });
  return rig;
}
