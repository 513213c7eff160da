import { AppError, toErrorInfo, type ErrorInfo } from '../../errors';
import type { LoginRequest, Result, SessionView } from '../../messages';
import type { PhoneSnapshot } from '../../sip/phone-state';
import { initialShift, type ShiftState } from '../../shift/shift-state';
import { credentialsItem } from '../../session-storage';
import { agentItem, type AgentInfo } from '../../storage';
import { readResolvedSettings, updateSettings } from '../../settings/read-settings';
import type { ResolvedSettings } from '../../settings/resolve-settings';
import { agentLogin } from '../../ucontact/agent-login';
import { agentLogoff } from '../../ucontact/agent-logoff';
import { parseInstance } from '../../ucontact/instance';
import type { RequestOptions } from '../../ucontact/request';
import { sipCredential } from './sip-credential';
import { parseSipServer } from '../../settings/sip-server';

export interface SessionServiceOptions {
  /** Whether the extension may talk to a self-hosted instance origin (optional host permission). */
  hasOriginPermission: (origin: string) => Promise<boolean>;
  /** The phone's last known state, as the phone host reported it (null: none yet). */
  phoneSnapshot: () => Promise<PhoneSnapshot | null>;
  /** Starts the agent's phone once the session is stored; stops it before logging off. */
  startPhone: () => Promise<void>;
  stopPhone: () => Promise<void>;
  /** The agent's shift (breaks, wrap-up) as the UI shows it; ready when not given. */
  shift?: () => Promise<ShiftState>;
  /** Before logging out, while the token still works: a break is ended at uContact. */
  beforeLogout?: () => Promise<void>;
  /** Called after every change so other contexts can follow. */
  onChange: (view: SessionView) => void;
  /** Network options (tests inject `fetch` and shorter timeouts). */
  request?: RequestOptions;
  /** Debug log sink; never given secrets. */
  log?: (...args: unknown[]) => void;
}

const LOGOFF_TIMEOUT_MS = 5_000;

/** Logging in and out, and what the UI may know about the session. Owned by the background. */
export function createSessionService(options: SessionServiceOptions) {
  let pendingLogin: AbortController | undefined;
  const noShift = initialShift(Date.now());

  async function view(): Promise<SessionView> {
    const [credentials, agent, resolved, phone, shift] = await Promise.all([
      credentialsItem.getValue(),
      agentItem.getValue(),
      readResolvedSettings(),
      options.phoneSnapshot(),
      options.shift?.() ?? noShift,
    ]);
    const { settings } = resolved;
    if (!credentials || !agent) {
      const locked = (['instance', 'sipServer'] as const).filter((key) => resolved.locked.has(key));
      return {
        loggedIn: false,
        lastInstance: settings.instance,
        lastAgent: agent?.agent ?? '',
        lastSipServer: settings.sipServer,
        ...(locked.length ? { locked } : {}),
      };
    }
    return {
      loggedIn: true,
      instanceOrigin: agent.origin,
      agent: agent.agent,
      fullName: agent.fullName,
      extension: agent.extension,
      // A snapshot from an earlier login says nothing about this one: it is still connecting.
      ...(phone && phone.sessionId === credentials.phone.sessionId
        ? { sip: phone.registration, call: phone.call, otherCalls: phone.otherCalls }
        : { sip: { state: 'connecting' as const }, call: null, otherCalls: [] }),
      shift,
    };
  }

  async function changed(): Promise<SessionView> {
    const current = await view();
    options.onChange(current);
    return current;
  }

  /** A failed login writes nothing, so an earlier session stays exactly as it was. */
  async function login(input: LoginRequest): Promise<Result<SessionView>> {
    pendingLogin?.abort();
    const controller = new AbortController();
    pendingLogin = controller;
    try {
      const agent = input.agent.trim();
      if (!agent) throw new AppError('errorAgentEmpty');
      if (!input.password) throw new AppError('errorPasswordEmpty');
      assertLockedLogin(input, await readResolvedSettings());
      const sipServer = parseSipServer(input.sipServer);
      const instance = parseInstance(input.instance);
      if (!instance.isCloud && !(await options.hasOriginPermission(instance.origin))) {
        throw new AppError('errorPermissionDenied', [instance.origin]);
      }

      const profile = await agentLogin(instance.origin, agent, input.password, {
        ...options.request,
        signal: controller.signal,
      });
      if (controller.signal.aborted) throw new AppError('errorCancelled');

      const info: AgentInfo = {
        origin: instance.origin,
        agent,
        fullName: profile.fullName,
        extension: profile.extension,
        sipHost: profile.sipHost,
        callerId: profile.callerId,
        dtmfMode: profile.dtmfMode,
        codecs: profile.codecs,
        context: profile.context,
      };
      const previous = await credentialsItem.getValue();
      if (previous) await options.stopPhone();
      // A newer login may have started while the old phone unregistered: it wins, this one stops.
      if (controller.signal.aborted) throw new AppError('errorCancelled');
      await updateSettings({ instance: input.instance.trim(), sipServer });
      await agentItem.setValue(info);
      // Written last: credentials are what make the session exist.
      await credentialsItem.setValue({
        sipAuth: sipCredential(profile, input.password),
        token: profile.token,
        phone: {
          sessionId: crypto.randomUUID(),
          contactName: randomToken(),
          instanceId: crypto.randomUUID(),
        },
      });
      const view = await changed();
      // The session exists now; a phone that fails to start shows its own state and is retried
      // by the background's watchdog, so the login itself still succeeded.
      await options
        .startPhone()
        .catch((error: unknown) => options.log?.('phone start failed', error));
      return { ok: true, value: view };
    } catch (error) {
      return { ok: false, error: toErrorInfo(error) };
    } finally {
      if (pendingLogin === controller) pendingLogin = undefined;
    }
  }

  /**
   * Logs out locally whatever uContact answers: the agent asked to leave, and an expired token or
   * an unreachable instance must not keep secrets around.
   */
  async function logout(): Promise<Result<SessionView>> {
    const [credentials, agent] = await Promise.all([
      credentialsItem.getValue(),
      agentItem.getValue(),
    ]);
    await options.beforeLogout?.().catch((error: unknown) => options.log?.('before logout', error));
    // Unregister first, so uContact never sees a logged-off agent still reachable by SIP.
    await options.stopPhone();
    let expired: ErrorInfo | undefined;
    if (credentials?.token && agent) {
      await agentLogoff(agent.origin, agent.agent, agent.extension, credentials.token, {
        ...options.request,
        timeoutMs: LOGOFF_TIMEOUT_MS,
      }).catch((error: unknown) => {
        const info = toErrorInfo(error);
        options.log?.('AgentLogoff failed', info);
        // uContact had already ended the session: say so, so the agent knows to log in again.
        if (info.key === 'errorSessionExpired') expired = info;
      });
    }
    await credentialsItem.removeValue();
    const view = await changed();
    return expired ? { ok: false, error: expired } : { ok: true, value: view };
  }

  return { view, login, logout, changed };
}

/**
 * A login field an administrator locked holds here too, not only as a disabled field: a login
 * to another instance or SIP server than the locked one (sent by a page, or by a popup opened
 * before the policy arrived) is refused, with a message saying so, rather than silently logging
 * in somewhere else than the agent typed. A lock without a value locks the built-in one (no
 * instance preset, the default SIP server).
 */
function assertLockedLogin(input: LoginRequest, { locked, settings }: ResolvedSettings): void {
  if (locked.has('instance')) {
    const lockedTo = originOf(settings.instance);
    if (!lockedTo || originOf(input.instance) !== lockedTo) {
      throw new AppError('errorInstanceLocked');
    }
  }
  if (locked.has('sipServer') && sipServerOf(input.sipServer) !== settings.sipServer) {
    throw new AppError('errorSipServerLocked');
  }
}

/** The origin an instance field means (`acme` and `https://acme.ucontactcloud.com` are one). */
function originOf(instance: string): string | null {
  try {
    return parseInstance(instance).origin;
  } catch {
    return null;
  }
}

function sipServerOf(server: string): string | null {
  try {
    return parseSipServer(server);
  } catch {
    return null;
  }
}

/** A contact user part: letters and digits only, so it is valid in any SIP URI. */
function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(9));
  return Array.from(bytes, (byte) => (byte % 36).toString(36)).join('');
}

export type SessionService = ReturnType<typeof createSessionService>;
