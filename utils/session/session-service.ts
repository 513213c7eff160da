import { AppError, toErrorInfo, type ErrorInfo } from '../errors';
import type { LoginRequest, Result, SessionView, SipState } from '../messages';
import { agentItem, credentialsItem, settingsItem, type AgentInfo } from '../storage';
import { agentLogin } from '../ucontact/agent-login';
import { agentLogoff } from '../ucontact/agent-logoff';
import { parseInstance } from '../ucontact/instance';
import type { RequestOptions } from '../ucontact/request';
import { sipCredential } from './sip-credential';
import { parseSipServer } from './sip-server';

export interface SessionServiceOptions {
  /** Whether the extension may talk to a self-hosted instance origin (optional host permission). */
  hasOriginPermission: (origin: string) => Promise<boolean>;
  /** The phone's registration state, as the phone host reports it. */
  sipStatus: () => { state: SipState; error?: ErrorInfo };
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

  async function view(): Promise<SessionView> {
    const [credentials, agent, settings] = await Promise.all([
      credentialsItem.getValue(),
      agentItem.getValue(),
      settingsItem.getValue(),
    ]);
    if (!credentials || !agent) {
      return {
        loggedIn: false,
        lastInstance: settings.instance,
        lastAgent: agent?.agent ?? '',
        lastSipServer: settings.sipServer,
      };
    }
    return {
      loggedIn: true,
      instanceOrigin: agent.origin,
      agent: agent.agent,
      fullName: agent.fullName,
      extension: agent.extension,
      sip: options.sipStatus(),
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
      };
      const settings = await settingsItem.getValue();
      await settingsItem.setValue({ ...settings, instance: input.instance.trim(), sipServer });
      await agentItem.setValue(info);
      // Written last: credentials are what make the session exist.
      await credentialsItem.setValue({
        sipAuth: sipCredential(profile, input.password),
        token: profile.token,
      });
      return { ok: true, value: await changed() };
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
    const [credentials, agent] = await Promise.all([credentialsItem.getValue(), agentItem.getValue()]);
    if (credentials?.token && agent) {
      await agentLogoff(agent.origin, agent.agent, agent.extension, credentials.token, {
        ...options.request,
        timeoutMs: LOGOFF_TIMEOUT_MS,
      }).catch((error: unknown) => options.log?.('AgentLogoff failed', toErrorInfo(error)));
    }
    await credentialsItem.removeValue();
    return { ok: true, value: await changed() };
  }

  return { view, login, logout, changed };
}

export type SessionService = ReturnType<typeof createSessionService>;
