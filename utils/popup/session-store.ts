import { createSignal, onCleanup } from 'solid-js';
import { AppError, toErrorInfo, type ErrorInfo } from '../errors';
import {
  onEvent,
  request,
  type BackgroundRequests,
  type LoginRequest,
  type RequestType,
  type SessionView,
} from '../messages';
import { parseInstance } from '../ucontact/instance';

/** The popup's view of the session: loads it, follows broadcasts, runs log in / log out. */
export function createSessionStore() {
  const [session, setSession] = createSignal<SessionView>();
  const [busy, setBusy] = createSignal<'login' | 'logout'>();
  const [error, setError] = createSignal<ErrorInfo>();

  onCleanup(onEvent('session.changed', setSession));
  void request('session.get', null).then(setSession, (cause: unknown) =>
    setError(toErrorInfo(cause)),
  );

  async function login(input: LoginRequest): Promise<void> {
    setError(undefined);
    setBusy('login');
    try {
      await ensureInstancePermission(input.instance);
      const reply = await request('session.login', input);
      if (reply.ok) setSession(reply.value);
      else setError(reply.error);
    } catch (cause) {
      setError(toErrorInfo(cause));
    } finally {
      setBusy(undefined);
    }
  }

  async function logout(): Promise<void> {
    setError(undefined);
    setBusy('logout');
    try {
      const reply = await request('session.logout', null);
      if (reply.ok) setSession(reply.value);
      else setError(reply.error);
    } catch (cause) {
      setError(toErrorInfo(cause));
    } finally {
      setBusy(undefined);
    }
  }

  /** Runs a call command; its failure is shown, never swallowed. */
  async function callCommand<
    K extends Exclude<
      RequestType,
      'session.login' | 'session.logout' | 'session.get' | 'page.status' | 'call.stats'
    >,
  >(type: K, payload: BackgroundRequests[K]['payload']): Promise<boolean> {
    setError(undefined);
    try {
      const reply = (await request(type, payload)) as { ok: boolean; error?: ErrorInfo };
      if (!reply.ok && reply.error) setError(reply.error);
      return reply.ok;
    } catch (cause) {
      setError(toErrorInfo(cause));
      return false;
    }
  }

  type LoggedIn = Extract<SessionView, { loggedIn: true }>;
  type LoggedOut = Extract<SessionView, { loggedIn: false }>;
  const loggedIn = (): LoggedIn | undefined => {
    const view = session();
    return view?.loggedIn ? view : undefined;
  };
  const loggedOut = (): LoggedOut | undefined => {
    const view = session();
    return view && !view.loggedIn ? view : undefined;
  };

  return { session, loggedIn, loggedOut, busy, error, setError, login, logout, callCommand };
}

/**
 * Self-hosted instances need their origin granted. The browser only shows that prompt during a
 * click, so this must run before any other await in the submit handler.
 */
async function ensureInstancePermission(instanceInput: string): Promise<void> {
  let origin: string;
  try {
    const instance = parseInstance(instanceInput);
    if (instance.isCloud) return;
    origin = instance.origin;
  } catch {
    return; // The background refuses the input with its own message.
  }
  const granted = await browser.permissions.request({ origins: [`${origin}/*`] });
  if (!granted) throw new AppError('errorPermissionDenied', [origin]);
}

export type SessionStore = ReturnType<typeof createSessionStore>;
