import type { PhoneMatch } from '@/utils/phone-numbers/find-numbers';
import type { PhoneValue } from '@/utils/phone-numbers/parse-phone-value';
import type { CrmAdapter } from './adapter';
import {
  composedParent,
  hasLineThrough,
  isElement,
  isShadowRoot,
  isText,
  someComposedAncestor,
} from './dom';

/** How numbers are recognised; bound to the agent's default country by the caller. */
export interface PhoneDetector {
  findInText(text: string): PhoneMatch[];
  parseLink(href: string, shown: string): PhoneValue | null;
  parseField(text: string): PhoneValue | null;
}

/** When work runs. The content script passes WXT's `ctx` timers so nothing outlives it. */
export interface ScanScheduler {
  /** Runs `task` when the page is idle (or soon after), with the browser's idle deadline if any. */
  idle(task: (deadline?: IdleDeadline) => void): void;
  /** Runs `task` after `ms` milliseconds. */
  later(task: () => void, ms: number): void;
}

export interface ScannerOptions {
  document: Document;
  adapter: CrmAdapter;
  detector: PhoneDetector;
  /** Builds the control for one number: the element to insert after it. */
  createControl(value: PhoneValue): HTMLElement;
  /** Whether `element` is one of our controls: never scanned, never inside a number. */
  isControl(element: Element): boolean;
  scheduler: ScanScheduler;
  /** A slice of work stops after this many milliseconds … */
  sliceMs?: number;
  /** … or this many text nodes, whichever comes first, and yields to the page. */
  sliceNodes?: number;
  /** Debug sink (the content script's is `debugLog`); silent by default. */
  log?: (...args: unknown[]) => void;
}

export interface Scanner {
  /** Queues the whole page once and starts watching mutations. */
  start(): void;
  /** Stops watching and removes every control it placed. */
  stop(): void;
  /** Runs all queued work now, ignoring slice limits (tests; the page is otherwise never blocked). */
  drain(): void;
  /** The control placed for a phone link, so a click on the link itself can use it. */
  controlForLink(link: Element): HTMLElement | undefined;
}

/**
 * Never scanned: editable fields, code, hidden templates, interactive widgets a button cannot sit
 * in, dates (`<time>`) and do-not-call markup (`<s>`, `<del>`, `<strike>`).
 */
const SKIP = [
  'head',
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'button',
  'iframe',
  'object',
  'embed',
  'canvas',
  'svg',
  'math',
  'code',
  'kbd',
  'samp',
  'time',
  's',
  'del',
  'strike',
  '[hidden]',
  '[contenteditable]:not([contenteditable="false"])',
  '[role="textbox"]',
  '[role="searchbox"]',
  '[role="combobox"]',
].join(', ');

/** A control may not sit inside these: it goes right after them instead. */
const INTERACTIVE = 'a[href], label, summary, [role="button"], [role="link"]';

const TEL_LINK = 'a[href^="tel:" i]';

const OBSERVE: MutationObserverInit = {
  childList: true,
  subtree: true,
  characterData: true,
  attributes: true,
  attributeFilter: ['href'],
};

/**
 * The most of an idle period one slice takes. Chrome grants idle periods of up to 50 ms and runs
 * one idle callback per period, so slices much shorter than the period leave the page idle while
 * work waits; this stays clear of the 50 ms long-task threshold with room for the slice's writes.
 */
const MAX_SLICE_MS = 30;

/**
 * How long, and how many, found numbers may wait for their buttons while a long scan goes on.
 * Each batch of insertions makes the browser lay the page out again (tens of ms on a 50k-element
 * list), so a long first scan places its buttons a few times, not after every slice; the count
 * keeps one batch's insertions to a few ms. Scans that fit in one slice (most pages, and every
 * mutation batch) place them at the end of the slice, as before.
 */
const MAX_WRITE_DELAY_MS = 250;
const MAX_PENDING_WRITES = 250;

/** Custom elements seen without a shadow root are re-checked this long (their root may come later). */
const HOST_WATCH_MS = 10_000;
const HOST_RECHECK_MS = 1_000;
const MAX_WATCHED_HOSTS = 500;

/** What was placed for one anchor (a text node, link, field or input), so it can be taken back. */
interface Placement {
  controls: HTMLElement[];
  /** Text nodes split off the anchor to put controls right after each number. */
  splits: Text[];
  /** Text nodes whose scan produced the controls (to rescan them when the placement goes). */
  texts: Text[];
  /** Links, fields, inputs or interactive elements the controls belong to. */
  owners: Element[];
}

/** Found but not yet placed: what `forget` must release if the page changes it first. */
interface PendingWrite {
  texts: Text[];
  owners: Element[];
}

interface WorkItem {
  root: Node;
  walker: TreeWalker | null;
}

/**
 * Finds phone numbers in a live page and places one control after each. The page is queued once;
 * after that a MutationObserver queues only the nodes that changed, and work runs in bounded idle
 * slices, so a busy single-page app never waits for a rescan of the whole document. Processed text
 * nodes and elements are remembered in WeakSets, so no number gets a second control.
 */
export function createScanner(options: ScannerOptions): Scanner {
  const { document, adapter, detector, scheduler, isControl } = options;
  const sliceMs = options.sliceMs ?? 8;
  const sliceNodes = options.sliceNodes ?? 1000;
  const skip = [SKIP, validSelector(document, options.log, adapter.exclude)]
    .filter(Boolean)
    .join(', ');
  const fields = validSelector(document, options.log, adapter.phoneFields);
  const inputs = validSelector(document, options.log, adapter.phoneInputs);
  const links = [TEL_LINK, validSelector(document, options.log, adapter.phoneLinks)]
    .filter(Boolean)
    .join(', ');

  const doneText = new WeakSet<Text>();
  const doneElements = new WeakSet<Element>();
  const placements = new WeakMap<Node, Placement>();
  const linkControls = new WeakMap<Element, HTMLElement>();
  const splitFrom = new WeakMap<Text, Text>();
  const observedRoots = new WeakSet<ShadowRoot>();
  const controls = new Set<HTMLElement>();
  const watchedInputs = new Map<HTMLInputElement, string>();
  const watchedHosts = new Map<Element, number>();
  const queue: WorkItem[] = [];
  const writes: (() => void)[] = [];
  /** Writes not yet run, by the nodes they were found in; `forget` voids them. */
  const pendingWrites = new WeakMap<Node, PendingWrite>();
  let writesSince = 0;
  const queued = new Set<Node>();
  const observer = new MutationObserver((records) => {
    handleRecords(records);
    schedule();
  });
  let scheduled = false;
  let hostTimer = false;
  /** The page removed nodes since the last prune (our controls may have gone with them). */
  let removals = false;
  let running = false;

  function start(): void {
    if (running) return;
    running = true;
    observer.observe(document, OBSERVE);
    document.addEventListener('change', onChange, true);
    enqueue(document.body ?? document.documentElement);
    schedule();
  }

  function stop(): void {
    running = false;
    observer.disconnect();
    document.removeEventListener('change', onChange, true);
    queue.length = 0;
    writes.length = 0;
    queued.clear();
    watchedInputs.clear();
    watchedHosts.clear();
    for (const control of controls) control.remove();
    controls.clear();
  }

  function schedule(): void {
    if (!running || scheduled || queue.length === 0) return;
    scheduled = true;
    scheduler.idle((deadline) => {
      scheduled = false;
      // Use the idle period the browser grants (up to MAX_SLICE_MS), never less than a slice.
      const idleMs = deadline && !deadline.didTimeout ? deadline.timeRemaining() : 0;
      runSlice(false, Math.max(sliceMs, Math.min(idleMs, MAX_SLICE_MS)));
    });
  }

  function drain(): void {
    if (running) runSlice(true, sliceMs);
  }

  function runSlice(unbounded: boolean, budgetMs: number): void {
    if (!running) return;
    handleRecords(observer.takeRecords());
    recheckHosts();
    recheckInputs();
    if (removals) pruneControls();
    const deadline = performance.now() + budgetMs;
    // The node limit scales with the time granted: `sliceNodes` per `sliceMs`.
    let budget = Math.ceil((sliceNodes * budgetMs) / sliceMs);
    // A full batch of found numbers ends the slice too, so placing them stays a few ms.
    while (
      queue.length > 0 &&
      (unbounded ||
        (budget > 0 && performance.now() < deadline && writes.length < MAX_PENDING_WRITES))
    ) {
      budget -= step(queue[0]!, unbounded ? Infinity : Math.min(budget, 64));
    }
    if (
      unbounded ||
      queue.length === 0 ||
      writes.length >= MAX_PENDING_WRITES ||
      performance.now() - writesSince >= MAX_WRITE_DELAY_MS
    ) {
      flushWrites();
    }
    // What the observer saw since the slice began is our own insertions and splits.
    observer.takeRecords();
    schedule();
  }

  /** Advances one work item by up to `limit` text nodes; returns how many it visited. */
  function step(item: WorkItem, limit: number): number {
    const { root } = item;
    if (!item.walker) {
      // Text changes are the most frequent mutation (clocks, typing): most hold no digit at all.
      if (isText(root) && (doneText.has(root) || !/\d/.test(root.data))) return finish(item, 1);
      if (!root.isConnected || hasQueuedAncestor(root) || insideSkipped(root)) {
        return finish(item, 1);
      }
      if (isText(root)) {
        const parent = root.parentElement;
        if (!(fields && parent?.matches(fields) && placeField(parent))) scanText(root);
        return finish(item, 1);
      }
      if (isElement(root) && !acceptRoot(root)) return finish(item, 1);
      queued.delete(root);
      item.walker = document.createTreeWalker(
        root,
        NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT,
        filter,
      );
    }
    const walker = item.walker;
    // The page may have removed the node the walk stood on; restart (done nodes are skipped).
    if (!walker.currentNode.isConnected) {
      if (!root.isConnected) return finish(item, 1);
      walker.currentNode = root;
    }
    let visited = 0;
    while (visited < limit) {
      const node = walker.nextNode();
      if (!node) return finish(item, visited + 1);
      visited++;
      scanText(node as Text);
    }
    return visited;
  }

  function finish(item: WorkItem, cost: number): number {
    queue.shift();
    queued.delete(item.root);
    return cost;
  }

  const filter: NodeFilter = {
    acceptNode(node: Node): number {
      if (!isElement(node)) return NodeFilter.FILTER_ACCEPT;
      return acceptRoot(node) ? NodeFilter.FILTER_SKIP : NodeFilter.FILTER_REJECT;
    },
  };

  /** Handles an element met in a walk; false when its subtree is done with or must be skipped. */
  function acceptRoot(element: Element): boolean {
    if (isControl(element)) return false;
    if (inputs && element.matches(inputs)) {
      placeInput(element as HTMLInputElement);
      return false;
    }
    if (element.matches(skip)) return false;
    if (element.shadowRoot) observeShadowRoot(element.shadowRoot);
    else if (element.localName.includes('-')) watchHost(element);
    if (element.matches(links)) {
      placeLink(element);
      return false;
    }
    if (fields && element.matches(fields) && placeField(element)) return false;
    return true;
  }

  function scanText(text: Text): void {
    if (doneText.has(text)) return;
    doneText.add(text);
    const matches = detector.findInText(text.data);
    if (matches.length === 0 || !text.parentNode) return;
    if (hasLineThrough(text)) return;
    placeMatches(text, matches);
  }

  /** Places controls for numbers in `text` (a `field` when the whole text is one number). */
  function placeMatches(text: Text, matches: readonly PhoneMatch[], field?: Element): void {
    const interactive = text.parentElement?.closest(INTERACTIVE);
    write(text, { texts: [text], owners: field ? [field] : [] }, () =>
      insertMatches(text, matches, interactive ?? null, field),
    );
  }

  function insertMatches(
    text: Text,
    matches: readonly PhoneMatch[],
    interactive: Element | null,
    field: Element | undefined,
  ): void {
    if (!text.isConnected) return;
    if (interactive) {
      // Never nest a button in a link or label: the numbers go right after it, in text order.
      const placement = placements.get(interactive) ?? newPlacement(interactive);
      const made = matches.map((match) => options.createControl(match));
      (placement.controls.at(-1) ?? interactive).after(...made);
      placement.controls.push(...made);
      placement.texts.push(text);
      if (field) placement.owners.push(field);
      remember(interactive, placement);
      remember(text, placement);
      return;
    }
    const placement = newPlacement(field ?? null);
    placement.texts.push(text);
    // From the last number back, so earlier offsets stay valid while the node is split.
    for (let i = matches.length - 1; i >= 0; i--) {
      const match = matches[i]!;
      const control = options.createControl(match);
      if (text.data.slice(match.end).trim()) {
        const tail = text.splitText(match.end);
        doneText.add(tail);
        splitFrom.set(tail, text);
        placement.splits.push(tail);
      }
      text.after(control);
      placement.controls.unshift(control);
    }
    remember(text, placement);
    if (field) remember(field, placement);
  }

  function placeLink(link: Element): void {
    if (doneElements.has(link)) return;
    doneElements.add(link);
    const value = detector.parseLink(link.getAttribute('href') ?? '', link.textContent ?? '');
    if (!value || hasLineThrough(link)) return;
    write(link, { texts: [], owners: [link] }, () => {
      const control = options.createControl(value);
      link.after(control);
      linkControls.set(link, control);
      const placement = newPlacement(link);
      placement.controls.push(control);
      remember(link, placement);
    });
  }

  /** A field whose single text node is one number; false lets the generic scan handle it. */
  function placeField(field: Element): boolean {
    if (doneElements.has(field)) return true;
    if (field.shadowRoot || field.querySelector(links)) return false;
    const texts = [...field.childNodes].filter(
      (node): node is Text => isText(node) && !!node.data.trim(),
    );
    if (texts.length !== 1 || field.children.length > 0) return false;
    const text = texts[0]!;
    const value = detector.parseField(text.data);
    if (!value) return false;
    doneElements.add(field);
    doneText.add(text);
    if (!hasLineThrough(text)) {
      placeMatches(text, [{ ...value, start: 0, end: text.data.length }], field);
    }
    return true;
  }

  function placeInput(input: HTMLInputElement): void {
    if (doneElements.has(input)) return;
    doneElements.add(input);
    watchedInputs.set(input, input.value);
    const value = input.value.trim() ? detector.parseField(input.value) : null;
    if (!value) return;
    write(input, { texts: [], owners: [input] }, () => {
      const control = options.createControl(value);
      input.after(control);
      const placement = newPlacement(input);
      placement.controls.push(control);
      remember(input, placement);
    });
  }

  /**
   * DOM changes wait until the slice has read everything it needs (reading styles for
   * line-through right after an insertion would force a style recalculation per number on a big
   * page), and during a long scan up to MAX_WRITE_DELAY_MS (see there).
   */
  function write(anchor: Text | Element, pending: PendingWrite, change: () => void): void {
    for (const node of [...pending.texts, ...pending.owners]) pendingWrites.set(node, pending);
    if (writes.length === 0) writesSince = performance.now();
    writes.push(() => {
      // The page changed what was found since the scan: `forget` released it for a rescan.
      if (pendingWrites.get(anchor) !== pending) return;
      for (const node of [...pending.texts, ...pending.owners]) pendingWrites.delete(node);
      // Detached meanwhile: scan it afresh if the page puts it back.
      if (!anchor.isConnected) releasePending(pending);
      else change();
    });
  }

  function releasePending(pending: PendingWrite): void {
    for (const text of pending.texts) {
      pendingWrites.delete(text);
      doneText.delete(text);
    }
    for (const owner of pending.owners) {
      pendingWrites.delete(owner);
      doneElements.delete(owner);
    }
  }

  function flushWrites(): void {
    for (const change of writes.splice(0)) change();
  }

  function remember(anchor: Node, placement: Placement): void {
    placements.set(anchor, placement);
    for (const control of placement.controls) controls.add(control);
  }

  function newPlacement(owner: Element | null): Placement {
    return { controls: [], splits: [], texts: [], owners: owner ? [owner] : [] };
  }

  /** Takes back what was placed for `anchor` so it (and its texts) can be scanned afresh. */
  function forget(anchor: Node, removeSplits: boolean): void {
    const placement = placements.get(anchor);
    const pending = pendingWrites.get(anchor);
    if (pending) releasePending(pending);
    if (isText(anchor)) doneText.delete(anchor);
    else if (isElement(anchor)) doneElements.delete(anchor);
    if (!placement) return;
    for (const control of placement.controls) {
      control.remove();
      controls.delete(control);
    }
    if (removeSplits) for (const split of placement.splits) split.remove();
    for (const text of placement.texts) {
      placements.delete(text);
      doneText.delete(text);
    }
    for (const owner of placement.owners) {
      placements.delete(owner);
      doneElements.delete(owner);
      linkControls.delete(owner);
    }
  }

  /** Controls the page removed with their surroundings need no taking back; stop tracking them. */
  function pruneControls(): void {
    removals = false;
    for (const control of controls) if (!control.isConnected) controls.delete(control);
  }

  function handleRecords(records: MutationRecord[]): void {
    for (const record of records) {
      if (record.type === 'childList') {
        if (record.removedNodes.length > 0) removals = true;
        for (const node of record.removedNodes) {
          // A framework dropped (or is moving) the node: its controls and split-off text go too.
          if (placements.has(node)) forget(node, true);
        }
        for (const node of record.addedNodes) {
          if (isText(node) || (isElement(node) && !isControl(node))) enqueue(node);
        }
      } else if (record.type === 'characterData') {
        // The page rewrote text we split (React/LWC set `nodeValue` on the node they own): the
        // split-off remainder is stale, so it goes with the controls, and the node is rescanned.
        const text = splitFrom.get(record.target as Text) ?? (record.target as Text);
        forget(text, true);
        enqueue(text);
      } else if (record.type === 'attributes' && isElement(record.target)) {
        if (placements.has(record.target) || doneElements.has(record.target)) {
          forget(record.target, false);
          enqueue(record.target);
        }
      }
    }
  }

  function enqueue(node: Node): void {
    if (!running || queued.has(node)) return;
    queued.add(node);
    queue.push({ root: node, walker: null });
  }

  /** An ancestor still waiting for its walk covers this node; skip it. */
  function hasQueuedAncestor(node: Node): boolean {
    for (let parent = composedParent(node); parent; parent = composedParent(parent)) {
      if (queued.has(parent)) return true;
    }
    return false;
  }

  function insideSkipped(node: Node): boolean {
    const start = isShadowRoot(node) ? node.host : composedParent(node);
    if (!start) return false;
    return someComposedAncestor(start, (element) => isControl(element) || element.matches(skip));
  }

  function observeShadowRoot(root: ShadowRoot): void {
    if (observedRoots.has(root)) return;
    observedRoots.add(root);
    observer.observe(root, OBSERVE);
    enqueue(root);
  }

  /** Open shadow roots attached after the host was scanned are invisible to the observer: poll a while. */
  function watchHost(host: Element): void {
    if (watchedHosts.has(host) || watchedHosts.size >= MAX_WATCHED_HOSTS) return;
    watchedHosts.set(host, performance.now());
    if (!hostTimer) {
      hostTimer = true;
      scheduler.later(onHostTimer, HOST_RECHECK_MS);
    }
  }

  function onHostTimer(): void {
    hostTimer = false;
    if (!running) return;
    recheckHosts();
    schedule();
    if (watchedHosts.size > 0) {
      hostTimer = true;
      scheduler.later(onHostTimer, HOST_RECHECK_MS);
    }
  }

  function recheckHosts(): void {
    const now = performance.now();
    for (const [host, since] of watchedHosts) {
      if (host.shadowRoot) observeShadowRoot(host.shadowRoot);
      if (host.shadowRoot || !host.isConnected || now - since > HOST_WATCH_MS)
        watchedHosts.delete(host);
    }
  }

  /** Inputs change without mutations (`value` is a property): compare on every slice. */
  function recheckInputs(): void {
    for (const [input, value] of watchedInputs) {
      if (!input.isConnected) watchedInputs.delete(input);
      else if (input.value !== value) {
        watchedInputs.delete(input);
        forget(input, false);
        enqueue(input);
      }
    }
  }

  function onChange(event: Event): void {
    const target = event.composedPath()[0];
    if (target instanceof HTMLInputElement && watchedInputs.has(target)) {
      recheckInputs();
      schedule();
    }
  }

  return {
    start,
    stop,
    drain,
    controlForLink: (link) => linkControls.get(link),
  };
}

/** An adapter's selector list, or undefined (and a debug-log line) when it does not parse. */
function validSelector(
  document: Document,
  log: ScannerOptions['log'],
  selector: string | undefined,
): string | undefined {
  if (!selector) return undefined;
  try {
    document.createDocumentFragment().querySelector(selector);
    return selector;
  } catch (error) {
    log?.('ignoring an invalid adapter selector', selector, error);
    return undefined;
  }
}
