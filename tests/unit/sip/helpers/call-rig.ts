import { expect } from 'vitest';
import { Phone } from '@/utils/sip/phone';
import type { PhoneOptions } from '@/utils/sip/phone-options';
import type { CallView } from '@/utils/sip/phone-state';
import { CONTACT_NAME, DOMAIN, EXTENSION, HA1, REALM, settle } from './phone-rig';
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
      server: `wss://${DOMAIN}:8089/ws`,
      domain: DOMAIN,
      extension: EXTENSION,
      auth: { kind: 'ha1', value: HA1 },
      iceServers: [],
      dtmfMode: 'rfc2833',
      contactName: CONTACT_NAME,
      instanceId: '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
      transportConstructor: pbx.Transport,
      random: () => 0,
      log: (level, category, message) => logs.push(`${level} ${category} ${message}`),
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
