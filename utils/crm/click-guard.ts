import { composedParent } from './dom';

/**
 * "A call only to a number the agent has seen" (the clickjacking rule), decided at click time.
 *
 * A click on one of our controls counts only when, at that moment, the control is the element under
 * the pointer, it is plainly visible (opaque, not hidden, clipped, tiny or covered) and it has stayed
 * where it is for STABLE_MS. A keyboard activation (Enter or Space: a click with `detail` 0) follows
 * the same visibility and stability rules and counts only when the agent moved focus there (a Tab
 * or a pointer press), not when the page called `.focus()` on it. Pages can restyle, move and focus
 * our elements (the shadow roots are open, the hosts sit in their DOM); this is what they cannot fake.
 *
 * Where the browser has IntersectionObserver v2 (Chromium: `trackVisibility`, `isVisible`), its
 * occlusion check counts too; elsewhere (Firefox) computed styles and the hit test decide.
 * https://w3c.github.io/IntersectionObserver/v2/
 */

/** How long a control must have stayed in place (same bounding rect) before a click counts. */
export const STABLE_MS = 500;
/** Effective opacity (the element's times every ancestor's) below this is "not plainly visible". */
const MIN_OPACITY = 0.9;
/** Smaller than this (px, either side) is not a control anyone aimed at. */
const MIN_SIZE = 4;
/** A focus change follows its Tab or pointer press within this long, or it was someone else's. */
const FOCUS_CAUSE_MS = 1_000;
/** While the pointer travels, where the visible controls are is noted this often. */
const POINTER_SAMPLE_MS = 100;
/** Watched controls the page removed are let go after this many new ones. */
const SWEEP_EVERY = 256;

/** Why a click does not count (`ok`: it does). */
export type ClickVerdict =
  'ok' | 'untrusted' | 'not-under-pointer' | 'hidden' | 'moved' | 'not-focused-by-agent';

/** The browser APIs the guard reads; injectable so the rules are testable without layout. */
export interface ClickGuardOptions {
  document: Document;
  /** Milliseconds, monotonic (`performance.now` by default). */
  now?: () => number;
  /** An IntersectionObserver v2 (default: the browser's, where it has v2; `null`: none). */
  intersectionObserver?: typeof IntersectionObserver | null;
  /** Aborts every listener and observer. */
  signal: AbortSignal;
}

export interface ClickGuard {
  /** Starts tracking `element` (where it is, whether it is visible) for later checks. */
  watch(element: Element): void;
  unwatch(element: Element): void;
  /** Whether `event` (a click on watched `element`) counts, or why not. */
  check(element: Element, event: MouseEvent): ClickVerdict;
  /** Whether `element` (any element, e.g. a page link) is plainly visible and under the pointer
   * (or, for a keyboard activation, was focused by the agent and is not covered). */
  isAimedAt(element: Element, event: MouseEvent): boolean;
}

interface Placement {
  rect: RectLike;
  since: number;
  /** IntersectionObserver v2's last verdict; undefined where the browser has no v2. */
  visible?: boolean;
}

interface RectLike {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function createClickGuard(options: ClickGuardOptions): ClickGuard {
  const { document, signal } = options;
  const now = options.now ?? (() => performance.now());
  const view = document.defaultView;
  const placements = new WeakMap<Element, Placement>();
  /** Focus the agent moved (by Tab or a pointer press), per element focused. */
  const agentFocus = new WeakSet<Element>();
  let lastTab: { event: KeyboardEvent; at: number } | null = null;
  let lastPress: { target: EventTarget | undefined; event: PointerEvent; at: number } | null = null;

  /** Watched elements, and those of them in the viewport (all of them where there is no IO). */
  const watched = new Set<Element>();
  const inView = new Set<Element>();
  const observer = createObserver();

  function createObserver(): IntersectionObserver | null {
    // One passed in is taken to be v2; the browser's is v2 only when its entries have `isVisible`.
    const v2 = options.intersectionObserver !== undefined || hasVisibilityTracking(view);
    const Observer =
      options.intersectionObserver !== undefined
        ? options.intersectionObserver
        : (view?.IntersectionObserver ?? null);
    if (!Observer) return null;
    const init = v2
      ? { threshold: [0, 0.5, 1], trackVisibility: true, delay: 100 }
      : { threshold: [0, 0.5, 1] };
    const observer = new Observer((entries) => {
      for (const entry of entries) {
        // Removed from the page (the scanner drops controls with their rows): let it go.
        if (!entry.target.isConnected) {
          forget(entry.target);
          continue;
        }
        if (entry.isIntersecting) inView.add(entry.target);
        else inView.delete(entry.target);
        const visible = (entry as IntersectionObserverEntry & { isVisible?: boolean }).isVisible;
        note(entry.target, entry.boundingClientRect, v2 ? visible : undefined);
      }
    }, init as IntersectionObserverInit);
    signal.addEventListener('abort', () => observer.disconnect());
    return observer;
  }

  function forget(element: Element): void {
    observer?.unobserve(element);
    watched.delete(element);
    inView.delete(element);
    placements.delete(element);
  }

  // Scrolling, resizing and the pointer's travel move controls in the viewport without any
  // IntersectionObserver report: note where the visible ones are then (at most once a frame, and
  // for the pointer once per POINTER_SAMPLE_MS), so a control that moved long ago counts as settled
  // and one the page slid under the pointer a moment ago does not.
  let watchedSinceSweep = 0;
  let sampling = false;
  let pointerSampledAt = -Infinity;
  function sampleSoon(): void {
    if (sampling || !view) return;
    sampling = true;
    view.requestAnimationFrame(() => {
      sampling = false;
      if (signal.aborted) return;
      for (const element of observer ? inView : watched) {
        if (element.isConnected) note(element, element.getBoundingClientRect());
      }
    });
  }
  const passive = { capture: true, passive: true, signal };
  document.addEventListener('scroll', sampleSoon, passive);
  view?.addEventListener('resize', sampleSoon, passive);
  document.addEventListener(
    'pointermove',
    () => {
      if (now() - pointerSampledAt < POINTER_SAMPLE_MS) return;
      pointerSampledAt = now();
      sampleSoon();
    },
    passive,
  );

  /** Records where `element` is; a change of place (or of visibility) restarts its clock. */
  function note(element: Element, rect: RectLike, visible?: boolean): Placement {
    const known = placements.get(element);
    if (
      known &&
      sameRect(known.rect, rect) &&
      (visible === undefined || known.visible === visible)
    ) {
      return known;
    }
    const placement: Placement = {
      rect: { x: rect.x, y: rect.y, width: rect.width, height: rect.height },
      since: now(),
      visible: visible ?? known?.visible,
    };
    placements.set(element, placement);
    return placement;
  }

  // Focus moved by the agent: a trusted Tab (or pointer press) whose dispatch finished without the
  // page cancelling it, just before the focus. A page's `.focus()` (even inside a Tab's keydown
  // handler, while that event is still being dispatched) does not qualify.
  const listen = <K extends keyof DocumentEventMap>(
    type: K,
    listener: (event: DocumentEventMap[K]) => void,
  ) => document.addEventListener(type, listener, { capture: true, signal });
  listen('keydown', (event) => {
    if (event.isTrusted && event.key === 'Tab') lastTab = { event, at: now() };
  });
  listen('pointerdown', (event) => {
    if (event.isTrusted) lastPress = { target: event.composedPath()[0], event, at: now() };
  });
  listen('focusin', (event) => {
    const target = event.composedPath()[0];
    if (!(target instanceof Element)) return;
    // One Tab moves focus once: a page that moves it on again (from the focus handler of wherever
    // the Tab landed) is not the agent.
    const agents = event.isTrusted && (byTab() || byPress(target));
    lastTab = null;
    lastPress = null;
    if (agents) agentFocus.add(target);
    else agentFocus.delete(target);
  });
  listen('focusout', (event) => {
    const target = event.composedPath()[0];
    if (target instanceof Element) agentFocus.delete(target);
  });

  function byTab(): boolean {
    return !!lastTab && settled(lastTab.event) && now() - lastTab.at <= FOCUS_CAUSE_MS;
  }

  function byPress(target: Element): boolean {
    if (!lastPress || !settled(lastPress.event) || now() - lastPress.at > FOCUS_CAUSE_MS) {
      return false;
    }
    const pressed = lastPress.target;
    return pressed instanceof Node && (target === pressed || target.contains(pressed));
  }

  /** The event's dispatch is over and nobody cancelled it: what follows is the browser's doing. */
  function settled(event: Event): boolean {
    return event.eventPhase === Event.NONE && !event.defaultPrevented;
  }

  function onPointer(event: Event) {
    const element = event.currentTarget as Element;
    note(element, element.getBoundingClientRect());
  }

  /** Enter or Space on a focused button: no click count, no coordinates (either says so). */
  function isKeyboard(event: MouseEvent): boolean {
    const nowhere =
      event.clientX === 0 && event.clientY === 0 && event.screenX === 0 && event.screenY === 0;
    return event.detail === 0 || nowhere;
  }

  /** Under the pointer, or (keyboard) focused by the agent and not covered at its centre. */
  function aimed(element: Element, event: MouseEvent, rect: RectLike): ClickVerdict {
    if (isKeyboard(event)) {
      if (!agentFocus.has(element)) return 'not-focused-by-agent';
      const centre = elementAt(rect.x + rect.width / 2, rect.y + rect.height / 2);
      return within(centre, element) ? 'ok' : 'hidden';
    }
    return within(elementAt(event.clientX, event.clientY), element) ? 'ok' : 'not-under-pointer';
  }

  /** The topmost element at a point, looking into open shadow roots (ours are open). */
  function elementAt(x: number, y: number): Element | null {
    let found = document.elementFromPoint(x, y);
    for (let depth = 0; found?.shadowRoot && depth < 32; depth++) {
      const inner = found.shadowRoot.elementFromPoint(x, y);
      if (!inner || inner === found) break;
      found = inner;
    }
    return found;
  }

  function within(found: Element | null, element: Element): boolean {
    return !!found && (found === element || element.contains(found));
  }

  return {
    watch(element) {
      // The page drops controls with their rows, offscreen ones without an observer report: let
      // those go now and then, or the observer would keep them alive.
      if (++watchedSinceSweep >= SWEEP_EVERY) {
        watchedSinceSweep = 0;
        for (const known of watched) if (!known.isConnected) forget(known);
      }
      watched.add(element);
      observer?.observe(element);
      element.addEventListener('pointerover', onPointer, { signal });
      element.addEventListener('pointermove', onPointer, { signal });
    },
    unwatch(element) {
      forget(element);
      element.removeEventListener('pointerover', onPointer);
      element.removeEventListener('pointermove', onPointer);
    },
    check(element, event) {
      if (!event.isTrusted) return 'untrusted';
      const rect = element.getBoundingClientRect();
      const placement = note(element, rect);
      const aim = aimed(element, event, rect);
      if (aim !== 'ok') return aim;
      if (placement.visible === false || !isPlainlyVisible(element, rect)) return 'hidden';
      if (now() - placement.since < STABLE_MS) return 'moved';
      return 'ok';
    },
    isAimedAt(element, event) {
      if (!event.isTrusted) return false;
      const rect = element.getBoundingClientRect();
      return aimed(element, event, rect) === 'ok' && isPlainlyVisible(element, rect);
    },
  };

  /** Computed styles: big enough, in the viewport, opaque, not hidden, not clipped away. */
  function isPlainlyVisible(element: Element, rect: RectLike): boolean {
    if (!view) return false;
    if (rect.width < MIN_SIZE || rect.height < MIN_SIZE) return false;
    if (rect.x + rect.width <= 0 || rect.y + rect.height <= 0) return false;
    if (rect.x >= view.innerWidth || rect.y >= view.innerHeight) return false;
    const check = (element as Element & { checkVisibility?: (o: object) => boolean })
      .checkVisibility;
    if (
      check &&
      !check.call(element, {
        opacityProperty: true,
        visibilityProperty: true,
        contentVisibilityAuto: true,
      })
    ) {
      return false;
    }
    if (/hidden|collapse/.test(view.getComputedStyle(element).visibility)) return false;
    let opacity = 1;
    for (let current: Element | null = element; current; current = composedParent(current)) {
      const style = view.getComputedStyle(current);
      opacity *= Number.parseFloat(style.opacity || '1') * filterOpacity(style.filter);
      if (opacity < MIN_OPACITY) return false;
      if (style.clipPath && style.clipPath !== 'none') return false;
      if (style.clip && style.clip !== 'auto' && /absolute|fixed/.test(style.position)) {
        return false;
      }
    }
    return true;
  }
}

/** `filter: opacity(…)` fades an element as `opacity` does. */
function filterOpacity(filter: string | undefined): number {
  if (!filter || filter === 'none') return 1;
  let factor = 1;
  for (const [, amount, percent] of filter.matchAll(/opacity\(\s*([\d.]+)(%?)\s*\)/g)) {
    factor *= Number.parseFloat(amount!) / (percent ? 100 : 1);
  }
  return factor;
}

function sameRect(a: RectLike, b: RectLike): boolean {
  return a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
}

/** IntersectionObserver v2 (Chromium): entries say whether the target is really visible. */
function hasVisibilityTracking(view: (Window & typeof globalThis) | null): boolean {
  const Entry = view?.IntersectionObserverEntry;
  return !!Entry && 'isVisible' in Entry.prototype;
}
