import type { ScanScheduler } from './work-queue';

/** Custom elements seen without a shadow root are re-checked this long (their root may come later). */
const HOST_WATCH_MS = 10_000;
const HOST_RECHECK_MS = 1_000;
const MAX_WATCHED_HOSTS = 500;

export interface ShadowRootWatch {
  /** Starts observing an open shadow root (once) and hands it to `onRoot` for its first scan. */
  observe(root: ShadowRoot): void;
  /** A custom element without a shadow root yet: look again for a while. */
  watchHost(host: Element): void;
  /** Looks at the watched hosts now (each slice does, so a new root is scanned promptly). */
  recheck(): void;
  stop(): void;
}

/**
 * Open shadow roots are outside the document's MutationObserver: each gets its own observation.
 * Roots attached after their host was scanned raise no mutation at all, so custom elements met
 * without one are polled for a while.
 */
export function createShadowRootWatch(options: {
  observer: MutationObserver;
  init: MutationObserverInit;
  scheduler: ScanScheduler;
  onRoot(root: ShadowRoot): void;
  /** After a timer recheck, so newly found roots get scanned. */
  afterRecheck(): void;
}): ShadowRootWatch {
  const observed = new WeakSet<ShadowRoot>();
  const hosts = new Map<Element, number>();
  let timer = false;
  let running = true;

  function observe(root: ShadowRoot): void {
    if (observed.has(root)) return;
    observed.add(root);
    options.observer.observe(root, options.init);
    options.onRoot(root);
  }

  function recheck(): void {
    const now = performance.now();
    for (const [host, since] of hosts) {
      if (host.shadowRoot) observe(host.shadowRoot);
      if (host.shadowRoot || !host.isConnected || now - since > HOST_WATCH_MS) hosts.delete(host);
    }
  }

  function onTimer(): void {
    timer = false;
    if (!running) return;
    recheck();
    options.afterRecheck();
    if (hosts.size > 0) {
      timer = true;
      options.scheduler.later(onTimer, HOST_RECHECK_MS);
    }
  }

  return {
    observe,
    recheck,
    watchHost(host) {
      if (hosts.has(host) || hosts.size >= MAX_WATCHED_HOSTS) return;
      hosts.set(host, performance.now());
      if (!timer) {
        timer = true;
        options.scheduler.later(onTimer, HOST_RECHECK_MS);
      }
    },
    stop() {
      running = false;
      hosts.clear();
    },
  };
}
