import type { DetectedNumber, NumberCandidate } from '@/utils/messages';
import { countDigits } from '@/utils/phone-numbers/count-digits';
import type { CrmAdapter } from './adapter';
import {
  createDetectionBatches,
  MAX_CANDIDATE_CHARS,
  type NumberDetector,
} from './detection-batches';
import {
  composedParent,
  lineThroughChecker,
  isElement,
  isShadowRoot,
  isText,
  someComposedAncestor,
} from './dom';
import { elementMatcher } from './element-matcher';
import { isFaxField, saysFax } from './fax-label';
import { createInputWatch, type InputWatch } from './input-watch';
import {
  MAX_PENDING_WRITES,
  MAX_WRITE_DELAY_MS,
  newPlacement,
  PlacementLedger,
} from './placement-ledger';
import { isSkippedElement } from './skipped-elements';
import { createShadowRootWatch, type ShadowRootWatch } from './shadow-root-watch';
import { createIdleSlices, WorkQueue, type ScanScheduler, type WorkItem } from './work-queue';

export type { NumberDetector } from './detection-batches';
export type { ScanScheduler } from './work-queue';

export interface ScannerOptions {
  document: Document;
  adapter: CrmAdapter;
  detector: NumberDetector;
  /** Builds the control for one number: the element to insert after it. */
  createControl(value: DetectedNumber): HTMLElement;
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
 * Fewer digits than this cannot make a number worth a control. Counted with the background's own
 * `countDigits` (any script's digits), so the prefilter never drops what the reader would find.
 */
const MIN_DIGITS = 6;

function mayHoldNumber(text: string): boolean {
  return countDigits(text, MIN_DIGITS) >= MIN_DIGITS;
}

/** What a candidate was read from, to place its numbers if the page still shows the same. */
type Subject =
  | { kind: 'text'; node: Text; data: string }
  | { kind: 'field'; node: Text; field: Element; data: string }
  | { kind: 'input'; node: HTMLInputElement; value: string }
  | { kind: 'link'; node: Element; href: string; shown: string };

/**
 * Finds phone numbers in a live page and places one control after each. The page is queued once;
 * after that a MutationObserver queues only the nodes that changed, and work runs in bounded idle
 * slices, so a busy single-page app never waits for a rescan of the whole document. The page's
 * thread only walks: the text that may hold numbers goes in batches to the detector (in the
 * extension, the background), and each answer is placed if the page still shows what was read.
 */
export function createScanner(options: ScannerOptions): Scanner {
  const { document, adapter, detector, scheduler, isControl } = options;
  const sliceMs = options.sliceMs ?? 8;
  const sliceNodes = options.sliceNodes ?? 8000;
  const selector = (value: string | undefined) => validSelector(document, options.log, value) ?? '';
  const excluded = elementMatcher(selector(adapter.exclude));
  const skipped = (element: Element) => isSkippedElement(element) || excluded(element);
  const isField = elementMatcher(selector(adapter.phoneFields));
  const isInput = elementMatcher(selector(adapter.phoneInputs));
  const links = [TEL_LINK, selector(adapter.phoneLinks)].filter(Boolean).join(', ');
  const isLink = elementMatcher(links);

  const ledger = new PlacementLedger();
  const queue = new WorkQueue();
  /** The question in flight for a node; a newer one (or none) makes an old answer stale. */
  const asking = new WeakMap<Node, Subject>();
  const observer = new MutationObserver((records) => {
    handleRecords(records);
    schedule();
  });
  const slices = createIdleSlices(scheduler, sliceMs, (budget) => runSlice(false, budget));
  const batches = createDetectionBatches<Subject>({
    detector,
    answer: placeAnswers,
    failed: (subjects, error) => {
      options.log?.('phone number detection failed', error);
      for (const subject of subjects) forgetQuestion(subject);
    },
    settled: afterLateAnswer,
  });
  let shadowRoots: ShadowRootWatch | null = null;
  let inputWatch: InputWatch | null = null;
  /** The page removed nodes since the last prune (our controls may have gone with them). */
  let removals = false;
  let running = false;
  let flushTimer = false;

  function start(): void {
    if (running) return;
    running = true;
    shadowRoots = createShadowRootWatch({
      observer,
      init: OBSERVE,
      scheduler,
      onRoot: enqueue,
      afterRecheck: schedule,
    });
    inputWatch = createInputWatch({
      document,
      onChanged: (input) => {
        ledger.forget(input, false);
        enqueue(input);
      },
      onChangeEvent: schedule,
    });
    observer.observe(document, OBSERVE);
    enqueue(document.body ?? document.documentElement);
    schedule();
  }

  function stop(): void {
    running = false;
    observer.disconnect();
    slices.cancel();
    shadowRoots?.stop();
    inputWatch?.stop();
    queue.clear();
    ledger.clear();
  }

  function schedule(): void {
    if (running && queue.length > 0) slices.request();
  }

  function drain(): void {
    if (running) runSlice(true, sliceMs);
  }

  function runSlice(unbounded: boolean, budgetMs: number): void {
    if (!running) return;
    handleRecords(observer.takeRecords());
    shadowRoots?.recheck();
    inputWatch?.recheck();
    if (removals) {
      removals = false;
      ledger.prune();
    }
    const deadline = performance.now() + budgetMs;
    // The node limit scales with the time granted: `sliceNodes` per `sliceMs`.
    let budget = Math.ceil((sliceNodes * budgetMs) / sliceMs);
    // A full batch of found numbers ends the slice too, so placing them stays a few ms.
    while (
      queue.length > 0 &&
      (unbounded ||
        (budget > 0 &&
          performance.now() < deadline &&
          ledger.pendingWriteCount < MAX_PENDING_WRITES))
    ) {
      budget -= step(queue.head!, unbounded ? Infinity : Math.min(budget, 64));
    }
    batches.send();
    if (unbounded || shouldFlush()) ledger.flush();
    // What the observer saw since the slice began is our own insertions and splits.
    observer.takeRecords();
    schedule();
    if (ledger.pendingWriteCount > 0) flushLater();
  }

  /**
   * Found numbers are placed at the end of the scan (or of a mutation batch): nothing left to walk
   * or to hear back about. A long scan places them sooner only when many wait, or have waited
   * long: each batch makes the browser lay a long list out again, which costs more than the
   * insertions themselves.
   */
  function shouldFlush(): boolean {
    return (
      (queue.length === 0 && batches.inFlight === 0) ||
      ledger.pendingWriteCount >= MAX_PENDING_WRITES ||
      ledger.writesWaitingMs(performance.now()) >= MAX_WRITE_DELAY_MS
    );
  }

  function afterLateAnswer(): void {
    if (!running) return;
    if (shouldFlush()) {
      ledger.flush();
      observer.takeRecords();
    } else flushLater();
  }

  /** Answers may stop coming while writes wait (no slice left to flush them): flush them in time. */
  function flushLater(): void {
    if (flushTimer) return;
    flushTimer = true;
    const wait = Math.max(0, MAX_WRITE_DELAY_MS - ledger.writesWaitingMs(performance.now()));
    scheduler.later(() => {
      flushTimer = false;
      if (!running) return;
      ledger.flush();
      observer.takeRecords();
    }, wait);
  }

  /** Advances one work item by up to `limit` text nodes; returns how many it visited. */
  function step(item: WorkItem, limit: number): number {
    const { root } = item;
    if (!item.walker) {
      // Text changes are the most frequent mutation (clocks, typing): most hold no digit at all.
      if (isText(root) && (ledger.isDone(root) || countDigits(root.data, 1) === 0)) {
        return finish(1);
      }
      if (!root.isConnected || queue.hasWaitingAncestor(root) || insideSkipped(root)) {
        return finish(1);
      }
      if (isText(root)) {
        const parent = root.parentElement;
        if (!(parent && isField(parent) && askField(parent))) scanText(root);
        return finish(1);
      }
      if (isElement(root) && !acceptRoot(root)) return finish(1);
      queue.started(item);
      item.walker = document.createTreeWalker(
        root,
        NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT,
        filter,
      );
    }
    const walker = item.walker;
    // The page may have removed the node the walk stood on; restart (done nodes are skipped).
    if (!walker.currentNode.isConnected) {
      if (!root.isConnected) return finish(1);
      walker.currentNode = root;
    }
    let visited = 0;
    while (visited < limit) {
      const node = walker.nextNode();
      if (!node) return finish(visited + 1);
      visited++;
      scanText(node as Text);
    }
    return visited;
  }

  function finish(cost: number): number {
    queue.finishHead();
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
    if (isInput(element)) {
      askInput(element as HTMLInputElement);
      return false;
    }
    if (skipped(element)) return false;
    if (element.shadowRoot) shadowRoots?.observe(element.shadowRoot);
    else if (element.localName.includes('-')) shadowRoots?.watchHost(element);
    if (isLink(element)) {
      askLink(element);
      return false;
    }
    if (isField(element) && askField(element)) return false;
    return true;
  }

  function ask(candidate: NumberCandidate, subject: Subject): void {
    asking.set(subject.node, subject);
    batches.add(candidate, subject);
  }

  function scanText(text: Text): void {
    if (ledger.isDone(text)) return;
    ledger.markDone(text);
    const data = text.data;
    if (data.length > MAX_CANDIDATE_CHARS || !mayHoldNumber(data)) return;
    ask({ kind: 'text', text: data }, { kind: 'text', node: text, data });
  }

  function askLink(link: Element): void {
    if (ledger.isDone(link)) return;
    ledger.markDone(link);
    const href = link.getAttribute('href') ?? '';
    const shown = link.textContent ?? '';
    if (href.length + shown.length > MAX_CANDIDATE_CHARS) return;
    // A fax line: calling it reaches a modem.
    if (saysFax(shown) || isFaxField(link)) return;
    ask({ kind: 'link', href, shown }, { kind: 'link', node: link, href, shown });
  }

  /** A field whose single text node is one number; false lets the generic scan handle it. */
  function askField(field: Element): boolean {
    if (ledger.isDone(field)) return true;
    if (field.shadowRoot || field.querySelector(links)) return false;
    const texts = [...field.childNodes].filter(
      (node): node is Text => isText(node) && !!node.data.trim(),
    );
    if (texts.length !== 1 || field.children.length > 0) return false;
    const text = texts[0]!;
    const data = text.data;
    if (data.length > MAX_CANDIDATE_CHARS) return false;
    ledger.markDone(field);
    ledger.markDone(text);
    if (isFaxField(field)) return true;
    ask({ kind: 'field', text: data }, { kind: 'field', node: text, field, data });
    return true;
  }

  function askInput(input: HTMLInputElement): void {
    if (ledger.isDone(input)) return;
    ledger.markDone(input);
    inputWatch?.watch(input);
    const value = input.value;
    if (!value.trim() || value.length > MAX_CANDIDATE_CHARS || isFaxField(input)) return;
    ask({ kind: 'input', text: value }, { kind: 'input', node: input, value });
  }

  /** Whether the page still shows what `subject` was read from, as it was read. */
  function stillCurrent(subject: Subject): boolean {
    const { node } = subject;
    if (asking.get(node) !== subject || !ledger.isDone(node)) return false;
    if (subject.kind === 'field' && !ledger.isDone(subject.field)) return false;
    switch (subject.kind) {
      case 'text':
      case 'field':
        return subject.node.data === subject.data;
      case 'input':
        return subject.node.value === subject.value;
      case 'link':
        return (
          subject.node.getAttribute('href') === subject.href &&
          subject.node.textContent === subject.shown
        );
    }
  }

  /** An answer that cannot be used: the node is read again when the page shows it again. */
  function forgetQuestion(subject: Subject): void {
    if (asking.get(subject.node) !== subject) return;
    asking.delete(subject.node);
    ledger.release(subject.node);
    if (subject.kind === 'field') ledger.release(subject.field);
  }

  function placeAnswers(subjects: Subject[], answers: DetectedNumber[][]): void {
    if (!running) return;
    const hasLineThrough = lineThroughChecker();
    for (let i = 0; i < subjects.length; i++) {
      const subject = subjects[i]!;
      const numbers = answers[i] ?? [];
      if (!stillCurrent(subject)) {
        // Changed meanwhile: the mutation that changed it queued it again. Detached: read it
        // again if the page puts it back.
        if (!subject.node.isConnected) forgetQuestion(subject);
        continue;
      }
      asking.delete(subject.node);
      if (numbers.length === 0) continue;
      if (subject.kind === 'text' || subject.kind === 'field') {
        // Checked once a number is found, not for every text with digits (dates, amounts).
        if (subject.kind === 'text' && isFaxField(subject.node)) continue;
        if (hasLineThrough(subject.node)) continue;
        placeMatches(subject.node, numbers, subject.kind === 'field' ? subject.field : undefined);
      } else if (subject.kind === 'link') {
        if (!hasLineThrough(subject.node)) placeAfterOwner(subject.node, numbers[0]!, true);
      } else {
        placeAfterOwner(subject.node, numbers[0]!, false);
      }
    }
  }

  /** Places controls for numbers in `text` (a `field` when the whole text is one number). */
  function placeMatches(text: Text, matches: readonly DetectedNumber[], field?: Element): void {
    const interactive = text.parentElement?.closest(INTERACTIVE);
    ledger.write(text, { texts: [text], owners: field ? [field] : [] }, () =>
      insertMatches(text, matches, interactive ?? null, field),
    );
  }

  function insertMatches(
    text: Text,
    matches: readonly DetectedNumber[],
    interactive: Element | null,
    field: Element | undefined,
  ): void {
    if (!text.isConnected) return;
    if (interactive) {
      // Never nest a button in a link or label: the numbers go right after it, in text order.
      const placement = ledger.placementOf(interactive) ?? newPlacement(interactive);
      const made = matches.map((match) => options.createControl(match));
      (placement.controls.at(-1) ?? interactive).after(...made);
      placement.controls.push(...made);
      placement.texts.push(text);
      if (field) placement.owners.push(field);
      ledger.remember(interactive, placement);
      ledger.remember(text, placement);
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
        ledger.rememberSplit(tail, text);
        placement.splits.push(tail);
      }
      text.after(control);
      placement.controls.unshift(control);
    }
    ledger.remember(text, placement);
    if (field) ledger.remember(field, placement);
  }

  /** One control right after a link or input that holds one number. */
  function placeAfterOwner(owner: Element, value: DetectedNumber, isLink: boolean): void {
    ledger.write(owner, { texts: [], owners: [owner] }, () => {
      const control = options.createControl(value);
      owner.after(control);
      if (isLink) ledger.rememberLink(owner, control);
      const placement = newPlacement(owner);
      placement.controls.push(control);
      ledger.remember(owner, placement);
    });
  }

  function handleRecords(records: MutationRecord[]): void {
    for (const record of records) {
      if (record.type === 'childList') {
        if (record.removedNodes.length > 0) removals = true;
        for (const node of record.removedNodes) {
          // A framework dropped (or is moving) the node: its controls and split-off text go too.
          if (ledger.isPlaced(node)) ledger.forget(node, true);
        }
        for (const node of record.addedNodes) {
          if (isText(node) || (isElement(node) && !isControl(node))) enqueue(node);
        }
      } else if (record.type === 'characterData') {
        // The page rewrote text we split (React/LWC set `nodeValue` on the node they own): the
        // split-off remainder is stale, so it goes with the controls, and the node is rescanned.
        const text = ledger.originOf(record.target as Text);
        ledger.forget(text, true);
        enqueue(text);
      } else if (record.type === 'attributes' && isElement(record.target)) {
        if (ledger.isPlaced(record.target) || ledger.isDone(record.target)) {
          ledger.forget(record.target, false);
          enqueue(record.target);
        }
      }
    }
  }

  function enqueue(node: Node): void {
    if (running) queue.push(node);
  }

  function insideSkipped(node: Node): boolean {
    const start = isShadowRoot(node) ? node.host : composedParent(node);
    if (!start) return false;
    return someComposedAncestor(start, (element) => isControl(element) || skipped(element));
  }

  return {
    start,
    stop,
    drain,
    controlForLink: (link) => ledger.controlForLink(link),
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
