import { AppError } from '../errors';
import type { MicrophoneRegistry, MicrophoneSource } from '../microphone-registry';

/**
 * Firefox denies the microphone to extension background pages ("Recording from background pages is
 * considered too sensitive", browser/actors/WebRTCParent.sys.mjs), whatever the agent allowed, and
 * holds a page's getUserMedia until its tab is in front. So the phone, which stays in the
 * background page, takes its microphone from an extension page kept in a pinned tab
 * (`microphone.html`): the page captures once while in front (at login) and keeps that capture;
 * each call gets a clone of it, which needs neither focus nor a prompt.
 */

export interface MicrophoneTabOptions {
  /** Opens the page in a new pinned tab, in the background. */
  openTab(): Promise<void>;
  /** The tab in front now, to go back to it after showing ours. */
  activeTab(): Promise<number | undefined>;
  /** Brings a tab to the front (ours, for a capture or a prompt; then the agent's again). */
  showTab(tabId: number): Promise<void>;
  closeTab(tabId: number): Promise<void>;
  /**
   * The page is going away: calls must drop its tracks now, synchronously, before they turn into
   * dead objects. Calls then ask for the microphone again, which brings the page back.
   */
  onSourceGone(): void;
  /** How long a new page has to load and check in (default 10 s). */
  loadTimeoutMs?: number;
  /** How long the agent has to bring the tab up or answer Firefox's prompt (default 60 s). */
  captureTimeoutMs?: number;
  log?: (...args: unknown[]) => void;
}

export function createMicrophoneTab(options: MicrophoneTabOptions) {
  const loadTimeoutMs = options.loadTimeoutMs ?? 10_000;
  const captureTimeoutMs = options.captureTimeoutMs ?? 60_000;
  let source: MicrophoneSource | undefined;
  let opening: Promise<MicrophoneSource> | undefined;
  const waiters = new Set<(source: MicrophoneSource) => void>();

  const registry: MicrophoneRegistry = {
    register(next) {
      const previous = source;
      source = next;
      for (const resolve of waiters) resolve(next);
      waiters.clear();
      // One microphone page is enough; a second one (opened by hand, restored) takes over.
      if (previous && previous.tabId !== next.tabId) {
        options
          .closeTab(previous.tabId)
          .catch((error: unknown) => options.log?.('microphone page', error));
      }
    },
    unregister(gone) {
      if (source !== gone) return;
      source = undefined;
      options.onSourceGone();
    },
  };

  /** The checked-in page, opened (and waited for) when there is none. */
  function page(): Promise<MicrophoneSource> {
    if (source) return Promise.resolve(source);
    opening ??= new Promise<MicrophoneSource>((resolve, reject) => {
      const timer = setTimeout(() => {
        waiters.delete(done);
        reject(new AppError('errorMicrophonePage'));
      }, loadTimeoutMs);
      const done = (checkedIn: MicrophoneSource) => {
        clearTimeout(timer);
        resolve(checkedIn);
      };
      waiters.add(done);
      options.openTab().catch((error: unknown) => {
        clearTimeout(timer);
        waiters.delete(done);
        reject(new AppError('errorMicrophonePage', [], { cause: error }));
      });
    }).finally(() => {
      opening = undefined;
    });
    return opening;
  }

  /**
   * Runs a step in the page, first bringing its tab to the front when Firefox needs that (a new
   * capture, perhaps with a prompt), and afterwards going back to the tab the agent was on.
   */
  async function inPage<T>(
    constraints: MediaStreamConstraints,
    step: (page: MicrophoneSource) => Promise<T>,
  ): Promise<T> {
    const from = await page();
    try {
      const quiet = from.isPrepared(constraints);
      const previous = quiet ? undefined : await options.activeTab();
      if (!quiet) await options.showTab(from.tabId);
      const result = await withTimeout(step(from), captureTimeoutMs);
      if (previous !== undefined && previous !== from.tabId) {
        await options.showTab(previous).catch(() => undefined);
      }
      return result;
    } catch (error) {
      // A page that died without saying so: its objects are dead and throw TypeErrors.
      if (error instanceof TypeError && source === from) source = undefined;
      throw error;
    }
  }

  async function withRetry<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      // Once more with a fresh page, when the one we knew had died unannounced.
      if (!(error instanceof TypeError)) throw error;
      return run();
    }
  }

  return {
    registry,

    /** The phone's microphone in Firefox: a clone of the page's capture. */
    capture(constraints: MediaStreamConstraints): Promise<MediaStream> {
      return withRetry(() => inPage(constraints, (from) => from.capture(constraints)));
    },

    /**
     * At login: the page opens pinned, comes to the front long enough to capture (and for Firefox
     * to ask, when the grant is not remembered), then the agent is back where they were.
     */
    open(constraints: MediaStreamConstraints): Promise<void> {
      return withRetry(() => inPage(constraints, (from) => from.prepare(constraints)));
    },

    /** At logout: the page and its capture have nothing left to do. */
    async close(): Promise<void> {
      const current = source;
      source = undefined;
      if (current) await options.closeTab(current.tabId);
    },
  };
}

export type MicrophoneTab = ReturnType<typeof createMicrophoneTab>;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new AppError('errorMicrophone')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        // A dead page (TypeError) is retried; the page's own refusals (DOMExceptions of another
        // window, so not `instanceof Error` here) are the agent's microphone problem.
        reject(
          error instanceof TypeError || error instanceof AppError
            ? error
            : new AppError('errorMicrophone', [], { cause: error }),
        );
      },
    );
  });
}
