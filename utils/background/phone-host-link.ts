import { AppError, toErrorInfo } from '../errors';
import type {
  CallCommands,
  CallCommandType,
  PhoneConfig,
  PhoneHostRequests,
  RequestHandlers,
} from '../messages';
import { CALL_COMMANDS } from '../messages';
import type { PhoneSettings } from '../settings/settings';
import type { PhoneSnapshot } from '../sip/phone-state';
import type { PhoneHostTransport } from './phone-host-transport';

export interface PhoneHostLinkOptions {
  transport: PhoneHostTransport;
  /** The phone the current session should have, or null when logged out (reads storage). */
  loadConfig: () => Promise<PhoneConfig | null>;
  log?: (...args: unknown[]) => void;
}

type Command = CallCommandType | 'phone.dial' | 'phone.expectCampaignLeg' | 'phone.prepare';

/**
 * The background's link to the phone host: makes sure exactly one phone runs for the logged-in
 * agent (adopting a running one after a service-worker restart instead of registering again), and
 * carries commands to it. Once a start or an adoption succeeded, commands go straight to the host;
 * storage is read again only when the host did not answer or had no phone, then the command is
 * sent once more.
 */
export function createPhoneHostLink(options: PhoneHostLinkOptions) {
  let ensuring: Promise<PhoneSnapshot | null> | undefined;
  /** The session whose phone the host is known to run; null: check before the next command. */
  let running: string | null = null;

  async function ensureRunningOnce(): Promise<PhoneSnapshot | null> {
    const config = await options.loadConfig();
    if (!config) {
      running = null;
      return null;
    }
    await options.transport.ensure();
    const current = await options.transport.request('phone.snapshot', null);
    if (current.sessionId === config.sessionId) {
      running = config.sessionId;
      return current;
    }
    options.log?.('starting phone', { sessionId: config.sessionId, server: config.account.server });
    const started = await options.transport.request('phone.start', config);
    if (started.ok) running = config.sessionId;
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
    running = null;
    await options.transport.request('phone.stop', null).catch(() => undefined);
  }

  /** No answer at all, or a host without a phone (Chrome recreated the offscreen document). */
  function hostLost(reply: unknown): boolean {
    if (reply === undefined) return true;
    const result = reply as { ok?: boolean; error?: { key?: string } };
    return result.ok === false && result.error?.key === 'errorPhoneNotStarted';
  }

  async function send<K extends Command>(
    type: K,
    payload: PhoneHostRequests[K]['payload'],
  ): Promise<PhoneHostRequests[K]['reply'] | undefined> {
    return options.transport.request(type, payload).catch((error: unknown) => {
      options.log?.('phone host did not answer', type, error);
      return undefined;
    });
  }

  /**
   * Runs a command on the phone, bringing it back first if its host was gone. Logged out, there is
   * no phone to command: that is refused rather than creating a host for nothing.
   */
  async function command<K extends Command>(
    type: K,
    payload: PhoneHostRequests[K]['payload'],
  ): Promise<PhoneHostRequests[K]['reply']> {
    if (running !== null) {
      const reply = await send(type, payload);
      if (!hostLost(reply)) return reply as PhoneHostRequests[K]['reply'];
      running = null;
    }
    if (!(await ensureRunning())) throw new AppError('errorNotLoggedIn');
    return options.transport.request(type, payload);
  }

  /**
   * The agent is about to call: a running phone prepares its media. Sent whether or not this
   * service worker has seen the phone yet (it may have just been restarted, and intent is often
   * what wakes it); a host without a phone ignores it. Intent alone never creates a phone host:
   * the call itself does that.
   */
  function prepare(): void {
    void send('phone.prepare', null);
  }

  /** New settings for a running phone; a phone started later reads them from its config. */
  async function configure(settings: PhoneSettings): Promise<void> {
    if (running === null) return;
    await options.transport.request('phone.configure', settings);
  }

  /** Request handlers that pass every call command on to the phone host as it came. */
  function callCommandHandlers(): Pick<RequestHandlers, CallCommandType> {
    const forward = (type: CallCommandType) => [
      type,
      (payload: CallCommands[typeof type]['payload']) => command(type, payload).catch(failure),
    ];
    return Object.fromEntries(CALL_COMMANDS.map(forward)) as unknown as Pick<
      RequestHandlers,
      CallCommandType
    >;
  }

  return { ensureRunning, stop, command, prepare, configure, callCommandHandlers };
}

/** A command that could not reach the phone, as the reply the popup shows. */
function failure(error: unknown) {
  return { ok: false as const, error: toErrorInfo(error) };
}

export type PhoneHostLink = ReturnType<typeof createPhoneHostLink>;
