import { createHash } from 'node:crypto';
import { expect, vi } from 'vitest';
import { AppError } from '@/utils/errors';
import { Phone } from '@/utils/sip/phone';
import type { PhoneOptions } from '@/utils/sip/phone-options';
import type { CallView, RegistrationView } from '@/utils/sip/phone-state';
import { ScriptedRegistrar } from './scripted-registrar';

export const md5 = (text: string) => createHash('md5').update(text).digest('hex');

export const EXTENSION = '1997';
export const DOMAIN = 'pbx.test';
export const REALM = 'asterisk';
export const PASSWORD = 'Unique-Pa55word-9d1e';
/** Asterisk's md5secret: MD5(name:realm:password). */
export const HA1 = md5(`${EXTENSION}:${REALM}:${PASSWORD}`);
export const CONTACT_NAME = 'k3v9q2xa';

/** The test agent's phone, on a scripted server's fake transport, logging into `logs`. */
export function rigPhoneOptions(
  transport: NonNullable<PhoneOptions['transportConstructor']>,
  logs: string[],
): PhoneOptions {
  return {
    server: `wss://${DOMAIN}:8089/ws`,
    domain: DOMAIN,
    extension: EXTENSION,
    auth: { kind: 'ha1', value: HA1 },
    iceServers: [],
    dtmfMode: 'rfc2833',
    contactName: CONTACT_NAME,
    instanceId: '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
    transportConstructor: transport,
    random: () => 0,
    log: (level, category, message) => logs.push(`${level} ${category} ${message}`),
  };
}

/**
 * A `Phone` wired to a scripted registrar through the fake transport, with its delegate calls
 * recorded. `random` is pinned to 0, so backoff delays are exactly 1 s, 2 s, 4 s …
 */
export function createPhoneRig(overrides: Partial<PhoneOptions> = {}) {
  const registrar = new ScriptedRegistrar({ realm: REALM, username: EXTENSION, ha1: HA1 });
  const events: RegistrationView[] = [];
  const calls: CallView[] = [];
  const retries: Array<{ delayMs: number; attempt: number }> = [];
  const logs: string[] = [];
  const phone = new Phone(
    {
      ...rigPhoneOptions(registrar.Transport, logs),
      ...overrides,
    },
    {
      onRegistrationChange: (view) => events.push(view),
      onCallChange: (call) => {
        if (call) calls.push(call);
      },
      onRetryScheduled: (delayMs, attempt) => retries.push({ delayMs, attempt }),
    },
  );
  return { phone, registrar, events, calls, retries, logs };
}

/** Lets queued answers and promise chains run without moving the fake clock. */
export async function settle(): Promise<void> {
  await vi.advanceTimersByTimeAsync(0);
}

/** Moves the fake clock, running every timer and promise due on the way. */
export async function advance(ms: number): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
}

/** Starts the phone and lets the 401 → 200 exchange finish. */
export async function startRegistered(rig: ReturnType<typeof createPhoneRig>): Promise<void> {
  await rig.phone.start();
  await settle();
  expect(rig.phone.registrationView).toEqual({ state: 'registered' });
}

/** The AppError `action` throws or rejects with. */
export async function appErrorOf(action: () => unknown): Promise<AppError> {
  try {
    await action();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected an AppError, nothing was thrown');
}
