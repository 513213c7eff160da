/**
 * The detector benchmarks' page: our scanner (utils/crm/click-to-call.ts, the content script's
 * own module) and the naive peer run side by side in this one page, on the same generated list,
 * with the same call buttons and the same libphonenumber-js metadata. Bundled by ../page-bundle.ts;
 * driven through `window.bench` (see DetectorBench).
 */
import en from '@/public/_locales/en/messages.json';
import type { MessageKey } from '@/utils/i18n';
import type { DetectedNumber } from '@/utils/messages';
import type { PageNumbers } from '@/utils/crm/background-numbers';
import { createCallButtons } from '@/utils/crm/call-button';
import { createCallConfirmation } from '@/utils/crm/call-confirmation';
import { createClickGuard } from '@/utils/crm/click-guard';
import { startClickToCall, type ClickToCall } from '@/utils/crm/click-to-call';
import type { ScanScheduler } from '@/utils/crm/scanner';
import { findNumbers } from '@/utils/phone-numbers/libphonenumber';
import type { PhoneValue } from '@/utils/phone-numbers/parse-phone-value';
import { appendRows, buildListPage, type ListPage } from './list-page';

/** The adapter is chosen by URL: the list is read as the Salesforce adapter reads it. */
const CRM_URL = 'https://acme.lightning.force.com/lightning/o/Contact/list';
const DEFAULT_COUNTRY = 'US';

export interface ScanRun {
  /** From start to the first frame after the last button was placed. */
  wallMs: number;
  /** Main-thread time spent by the detector (slices + mutation callbacks + start). */
  busyMs: number;
  /** Longest single slice (task) of the detector. */
  maxTaskMs: number;
  tasks: number;
  buttons: number;
  /** PerformanceObserver 'longtask' entries (> 50 ms) that started during the run. */
  longTasks: number;
  longestTaskMs: number;
}

export interface BatchRun {
  /** Our main-thread cost for the batch: mutation callback + slices. */
  costMs: number;
  /** From the append to the last button of the batch placed. */
  latencyMs: number;
  buttons: number;
}

export interface DetectorBench {
  build(elements: number): Promise<ListPage>;
  ours(): Promise<ScanRun>;
  peer(): Promise<ScanRun>;
  /** Appends `rows` to the list while ours runs; what the batch cost us. */
  appendOurs(rows: number): Promise<BatchRun>;
  /** The naive peer's answer to the same batch: a full rescan. */
  appendPeer(rows: number): Promise<BatchRun>;
  reset(): void;
  /** The costs every scanner pays on the current list (see `floors`). */
  floors(): { walkMs: number; placeMs: number };
}

// ---- the page's stand-ins for the extension around the module ----

/** click-to-call asks the background for the agent's status; here it is "logged in, idle". */
(globalThis as unknown as { browser: unknown }).browser = {
  runtime: {
    id: 'bench',
    sendMessage: () =>
      new Promise((resolve) => setTimeout(() => resolve({ loggedIn: true, inCall: false }), 2)),
    onMessage: { addListener: () => undefined, removeListener: () => undefined },
  },
};

const messages = en as Record<string, { message: string }>;
function translate(key: MessageKey, substitutions: string[] = []): string {
  let text = messages[key]?.message ?? key;
  for (const value of substitutions) text = text.replace(/\$[A-Z_]+\$/, value);
  return text;
}
const dial = () => Promise.resolve({ ok: true as const, value: null });

// ---- instrumentation ----

let observerMs = 0;
const NativeObserver = window.MutationObserver;
/** Times every mutation callback (the scanner's, the only observer on this page). */
window.MutationObserver = class TimedObserver extends NativeObserver {
  constructor(callback: MutationCallback) {
    super((records, observer) => {
      const started = performance.now();
      try {
        callback(records, observer);
      } finally {
        observerMs += performance.now() - started;
      }
    });
  }
};

const longTasks: PerformanceEntry[] = [];
const longTaskObserver = new PerformanceObserver((list) => longTasks.push(...list.getEntries()));
longTaskObserver.observe({ type: 'longtask', buffered: true });

interface SliceStats {
  busyMs: number;
  maxMs: number;
  tasks: number;
  lastEnd: number;
}
let slices: SliceStats = { busyMs: 0, maxMs: 0, tasks: 0, lastEnd: 0 };
let pendingIdle = 0;

/** Adds one main-thread task of ours to the slice statistics. */
function timed(run: () => void): void {
  const started = performance.now();
  run();
  const ended = performance.now();
  slices.busyMs += ended - started;
  slices.maxMs = Math.max(slices.maxMs, ended - started);
  slices.tasks++;
  slices.lastEnd = ended;
}

/** The content script's scheduler (entrypoints/crm.content), timed; notices when no work is left. */
const scheduler: ScanScheduler = {
  idle(task) {
    pendingIdle++;
    requestIdleCallback(
      (deadline) => {
        pendingIdle--;
        timed(() => task(deadline));
      },
      { timeout: 100 },
    );
  },
  later(task, ms) {
    setTimeout(() => timed(task), ms);
  },
};

/**
 * Resolves once the scanner has nothing left: no slice scheduled, no batch waiting for the worker,
 * no answer being placed. (A scan places what waits once it has nothing left to walk or to hear
 * back; its flush timer is only a fallback for a reader that stops answering.) Polled every
 * millisecond (the wall times below carry that much slack).
 */
async function scannerIdle(): Promise<void> {
  while (pendingIdle > 0 || waiting.size > 0 || answering > 0) {
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

/** After the next frame has been rendered. */
const nextFrame = () =>
  new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/** Long tasks that started between `start` and `end`; waits for their entries to be reported. */
async function tasksDuring(
  start: number,
  end: number,
): Promise<{ count: number; longest: number }> {
  await new Promise((resolve) => setTimeout(resolve, 100));
  longTasks.push(...longTaskObserver.takeRecords());
  const during = longTasks.filter((t) => t.startTime >= start - 1 && t.startTime <= end);
  return { count: during.length, longest: Math.max(0, ...during.map((t) => t.duration)) };
}

const buttonCount = () => document.querySelectorAll('ucontact-call').length;

// ---- ours ----

/**
 * Ours reads numbers off the page's thread, as the extension does (there the background answers);
 * here a worker runs the same reader. Answers come back in order, one message per batch.
 */
const worker = new Worker('worker.js');
const waiting = new Map<number, (numbers: DetectedNumber[][]) => void>();
let nextId = 0;
let answering = 0;
/**
 * The answer's handling (placing its numbers, and a flush) runs in promise reactions after this
 * task's own code: the timing ends in a microtask queued deep enough to run after them.
 */
worker.onmessage = (event: MessageEvent<{ id: number; numbers: DetectedNumber[][] }>) => {
  const started = performance.now();
  answering++;
  waiting.get(event.data.id)?.(event.data.numbers);
  waiting.delete(event.data.id);
  const after = (depth: number) => {
    if (depth > 0) return queueMicrotask(() => after(depth - 1));
    const ended = performance.now();
    slices.busyMs += ended - started;
    slices.maxMs = Math.max(slices.maxMs, ended - started);
    slices.tasks++;
    slices.lastEnd = ended;
    answering--;
  };
  after(12);
};
const workerNumbers: PageNumbers = {
  detect: (items) =>
    new Promise((resolve) => {
      const id = nextId++;
      waiting.set(id, resolve);
      worker.postMessage({ id, items });
    }),
  showsNumber: () => false,
};

let running: ClickToCall | undefined;
let abort = new AbortController();

async function ours(): Promise<ScanRun> {
  reset();
  slices = { busyMs: 0, maxMs: 0, tasks: 0, lastEnd: 0 };
  observerMs = 0;
  const started = performance.now();
  running = startClickToCall({
    document,
    url: CRM_URL,
    numbers: workerNumbers,
    signal: abort.signal,
    scheduler,
    dial,
    translate,
  });
  const startMs = performance.now() - started;
  await scannerIdle();
  await nextFrame();
  const ended = performance.now();
  const long = await tasksDuring(started, ended);
  return {
    wallMs: ended - started,
    busyMs: startMs + slices.busyMs + observerMs,
    maxTaskMs: Math.max(startMs, slices.maxMs),
    tasks: slices.tasks + 1,
    buttons: buttonCount(),
    longTasks: long.count,
    longestTaskMs: long.longest,
  };
}

async function appendOurs(rows: number): Promise<BatchRun> {
  if (!running) throw new Error('ours is not running');
  await scannerIdle();
  const before = buttonCount();
  slices = { busyMs: 0, maxMs: 0, tasks: 0, lastEnd: 0 };
  observerMs = 0;
  const started = performance.now();
  appendRows(rows);
  // The mutation callback runs at the end of this task; the scanner's slice after it.
  await new Promise((resolve) => setTimeout(resolve, 0));
  await scannerIdle();
  return {
    costMs: observerMs + slices.busyMs,
    latencyMs: slices.lastEnd - started,
    buttons: buttonCount() - before,
  };
}

// ---- the naive peer ----

/**
 * What many click-to-call extensions do: libphonenumber-js's findNumbers over the page's
 * `innerText` (a layout-dependent serialisation of the whole page), then a full walk of the text
 * nodes to find where each match sits and put a button after it. One synchronous task.
 */
function naiveScan(): number {
  const places = naivePlaces();
  placeAll(places);
  return places.length;
}

interface Place {
  node: Text;
  end: number;
  value: PhoneValue;
}

/** Where the peer's matches sit in the page's text nodes. */
function naivePlaces(): Place[] {
  const text = document.body.innerText;
  const found = findNumbers(text, { defaultCountry: DEFAULT_COUNTRY, v2: true });
  const places: Place[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let i = 0;
  for (let node = walker.nextNode(); node && i < found.length; node = walker.nextNode()) {
    const data = (node as Text).data;
    let from = 0;
    while (i < found.length) {
      const match = found[i]!;
      const raw = text.slice(match.startsAt, match.endsAt);
      const at = data.indexOf(raw, from);
      if (at < 0) break;
      from = at + raw.length;
      places.push({
        node: node as Text,
        end: from,
        value: {
          display: raw,
          dial: match.number.number,
          extension: match.number.ext,
          formatted: match.number.formatInternational(),
        },
      });
      i++;
    }
  }
  return places;
}

/** One button after each place: from the last back, so earlier offsets stay valid while splitting. */
function placeAll(places: Place[]): void {
  for (const { node, end, value } of [...places].reverse()) {
    if (end < node.data.length) node.splitText(end);
    node.after(peerButtons.create(value));
  }
}

/**
 * What every scanner pays on this page whatever it reads with: walking it (a TreeWalker over
 * every element and text node with a JS filter, as ours walks, nothing read) and placing the
 * same buttons (split, create, insert; the places found beforehand, untimed).
 */
function floors(): { walkMs: number; placeMs: number } {
  reset();
  let started = performance.now();
  const walker = document.createTreeWalker(
    document.body,
    NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT,
    {
      acceptNode: (node) =>
        node.nodeType === 1 ? NodeFilter.FILTER_SKIP : NodeFilter.FILTER_ACCEPT,
    },
  );
  let texts = 0;
  while (walker.nextNode()) texts++;
  const walkMs = performance.now() - started;
  const places = naivePlaces();
  started = performance.now();
  placeAll(places);
  const placeMs = performance.now() - started;
  if (texts === 0) throw new Error('nothing walked');
  return { walkMs, placeMs };
}

/** The peer gets the same buttons as ours (click guard included), so only the scanning differs. */
function createPeerButtons() {
  const signal = abort.signal;
  const guard = createClickGuard({ document, signal });
  const later = scheduler.later;
  const cancel = () => undefined;
  const confirmation = createCallConfirmation({
    document,
    translate,
    guard,
    dial,
    cancel,
    later,
    signal,
  });
  return createCallButtons({ document, dial, guard, confirmation, translate, later });
}

let peerButtons = createPeerButtons();

async function peer(): Promise<ScanRun> {
  reset();
  const started = performance.now();
  naiveScan();
  const busy = performance.now() - started;
  await nextFrame();
  const ended = performance.now();
  const long = await tasksDuring(started, ended);
  return {
    wallMs: ended - started,
    busyMs: busy,
    maxTaskMs: busy,
    tasks: 1,
    buttons: buttonCount(),
    longTasks: long.count,
    longestTaskMs: long.longest,
  };
}

async function appendPeer(rows: number): Promise<BatchRun> {
  appendRows(rows);
  const before = buttonCount();
  const started = performance.now();
  // A naive extension rescans everything on a mutation; its old buttons go first.
  peerButtons.removeAll();
  naiveScan();
  const ended = performance.now();
  return { costMs: ended - started, latencyMs: ended - started, buttons: buttonCount() - before };
}

function reset(): void {
  abort.abort();
  abort = new AbortController();
  running = undefined;
  peerButtons.removeAll();
  peerButtons = createPeerButtons();
}

async function build(elements: number): Promise<ListPage> {
  reset();
  const page = buildListPage(elements);
  await nextFrame();
  await nextFrame();
  return page;
}

const bench: DetectorBench = { build, ours, peer, appendOurs, appendPeer, reset, floors };
(window as unknown as { bench: DetectorBench }).bench = bench;
