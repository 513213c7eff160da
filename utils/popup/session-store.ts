import { createSignal, onCleanup } from 'solid-js';
import { AppError, toErrorInfo, type ErrorInfo } from '../errors';
import {
  needsConfirmation,
  onEvent,
  request,
  type BackgroundRequests,
  type DialConfirmation,
  type DialRequest,
  type LoginRequest,
  type RequestType,
  type Result,
  type SessionView,
} from '../messages';
import { throttleIntent } from '../intent-throttle';
import { sanitizeDialString } from '../phone-numbers/dial-string';
import { parseInstance } from '../ucontact/instance';

type SessionChange = 'login' | 'logout';

/** The popup's view of the session: loads it, follows broadcasts, runs log in / log out. */
export function createSessionStore() {
  const [session, setSession] = createSignal<SessionView>();
  const [busy, setBusy] = createSignal<SessionChange>();
  const [error, setError] = createSignal<ErrorInfo>();
  const [confirmation, setConfirmation] = createSignal<DialConfirmation>();
  const [confirming, setConfirming] = createSignal(false);

  onCleanup(onEvent('session.changed', setSession));
  void request('session.get', null).then(setSession, (cause: unknown) =>
    setError(toErrorInfo(cause)),
  );
  // The context menu or keyboard command opened the popup for a number to confirm.
  void request('call.pendingConfirmation', null).then(
    (pending) => pending && setConfirmation(pending),
    (cause: unknown) => setError(toErrorInfo(cause)),
  );

  /** Log in or out: busy meanwhile, the new session or the reason shown after. */
  async function changeSession(
    change: SessionChange,
    run: () => Promise<Result<SessionView>>,
  ): Promise<void> {
    setError(undefined);
    setBusy(change);
    try {
      const reply = await run();
      if (reply.ok) setSession(reply.value);
      else setError(reply.error);
    } catch (cause) {
      setError(toErrorInfo(cause));
    } finally {
      setBusy(undefined);
    }
  }

  const login = (input: LoginRequest) =>
    changeSession('login', async () => {
      await ensureInstancePermission(input.instance);
      return request('session.login', input);
    });

  const logout = () => changeSession('logout', () => request('session.logout', null));

  /** Runs a call command; its failure is shown, never swallowed. */
  async function callCommand<
    K extends Exclude<
      RequestType,
      | 'session.login'
      | 'session.logout'
      | 'session.get'
      | 'page.status'
      | 'call.stats'
      | 'call.dial'
      | 'call.pendingConfirmation'
      | 'call.cancelConfirmation'
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

  /**
   * The agent is about to dial: the phone prepares its media (microphone, candidates) so the call
   * leaves at once; it keeps them ~10 s, then lets them go.
   */
  const prepareCall = throttleIntent(
    () => void request('call.prepare', null).catch(() => undefined),
  );

  /**
   * Dials from the popup (dial pad, history): placed, refused (shown), or held for the agent's
   * confirmation, which the popup then shows. True only when the call was placed.
   */
  async function dial(dialRequest: DialRequest): Promise<boolean> {
    setError(undefined);
    try {
      const reply = await request('call.dial', dialRequest);
      if (needsConfirmation(reply)) setConfirmation(reply.confirm);
      else if (!reply.ok) setError(reply.error);
      return reply.ok;
    } catch (cause) {
      setError(toErrorInfo(cause));
      return false;
    }
  }

  /** "Call this number": the same dial string again, with the token that proves the yes. */
  async function confirmCall(): Promise<boolean> {
    const held = confirmation();
    if (!held) return false;
    setConfirming(true);
    try {
      const placed = await dial({
        dial: held.dial,
        display: held.number,
        confirmation: held.token,
      });
      if (confirmation() === held) setConfirmation(undefined);
      return placed;
    } finally {
      setConfirming(false);
    }
  }

  /** "Don't call": the token is spent, nothing is dialled. */
  async function cancelConfirmation(): Promise<void> {
    const held = confirmation();
    if (!held) return;
    setConfirmation(undefined);
    try {
      await request('call.cancelConfirmation', { token: held.token });
    } catch (cause) {
      setError(toErrorInfo(cause));
    }
  }

  /** Blind transfer: the typed target is cleaned here, where it was typed, or refused. */
  function transfer(target: string): Promise<boolean> {
    const dial = sanitizeDialString(target);
    if (!dial) {
      setError(new AppError('errorDialInvalid').toInfo());
      return Promise.resolve(false);
    }
    return callCommand('call.transfer', { target: dial });
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

  return {
    session,
    loggedIn,
    loggedOut,
    busy,
    error,
    setError,
    login,
    logout,
    callCommand,
    transfer,
    dial,
    prepareCall,
    confirmation,
    confirming,
    confirmCall,
    cancelConfirmation,
  };
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
