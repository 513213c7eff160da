import { AppError } from '../errors';
import type { PhoneConfig, PhoneHostRequests, PhoneHostRequestType } from '../messages';
import type { PhoneSnapshot } from '../sip/phone-state';
import type { PhoneHostClient } from './phone-host-client';

export interface PhoneManagerOptions {
  client: PhoneHostClient;
  /** The phone the current session should have, or null when logged out. */
  loadConfig: () => Promise<PhoneConfig | null>;
  log?: (...args: unknown[]) => void;
}

type CommandType = Exclude<PhoneHostRequestType, 'phone.start' | 'phone.stop' | 'phone.snapshot'>;

/**
 * The background's side of the phone: makes sure exactly one phone runs for the logged-in agent,
 * adopting a running one after a service-worker restart instead of registering again.
 */
export function createPhoneManager(options: PhoneManagerOptions) {
  let ensuring: Promise<PhoneSnapshot | null> | undefined;

  async function ensureRunningOnce(): Promise<PhoneSnapshot | null> {
    const config = await options.loadConfig();
    if (!config) return null;
    await options.client.ensure();
    const current = await options.client.request('phone.snapshot', null);
    if (current.sessionId === config.sessionId) return current;
    options.log?.('starting phone', { sessionId: config.sessionId, server: config.server });
    const started = await options.client.request('phone.start', config);
    return started.ok ? started.value : current;
  }

  /** Idempotent and shared: concurrent callers wait for the same check. */
  function ensureRunning(): Promise<PhoneSnapshot | null> {
    ensuring ??= ensureRunningOnce().finally(() => {
      ensuring = undefined;
    });
    return ensuring;
  }

  async function stop(): Promise<void> {
    await options.client.request('phone.stop', null).catch(() => undefined);
  }

  /**
   * Runs a call command, bringing the phone back first if its host was gone. Logged out, there is
   * no phone to command: that is refused rather than creating a host for nothing.
   */
  async function command<K extends CommandType>(
    type: K,
    payload: PhoneHostRequests[K]['payload'],
  ): Promise<PhoneHostRequests[K]['reply']> {
    if (!(await ensureRunning())) throw new AppError('errorNotLoggedIn');
    return options.client.request(type, payload);
  }

  return { ensureRunning, stop, command };
}

export type PhoneManager = ReturnType<typeof createPhoneManager>;
