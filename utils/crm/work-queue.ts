import { composedParent } from './dom';

/** A subtree waiting to be walked; the walker keeps its place between slices. */
export interface WorkItem {
  root: Node;
  walker: TreeWalker | null;
}

/** When work runs. The content script passes WXT's `ctx` timers so nothing outlives it. */
export interface ScanScheduler {
  /** Runs `task` when the page is idle (or soon after), with the browser's idle deadline if any. */
  idle(task: (deadline?: IdleDeadline) => void): void;
  /** Runs `task` after `ms` milliseconds. */
  later(task: () => void, ms: number): void;
}

/**
 * The most of an idle period one slice takes. Chrome grants idle periods of up to 50 ms and runs
 * one idle callback per period, so slices much shorter than the period leave the page idle while
 * work waits; this stays clear of the 50 ms long-task threshold with room for the slice's writes.
 */
const MAX_SLICE_MS = 30;

/** Subtrees still to walk, in the order the page produced them, each queued at most once. */
export class WorkQueue {
  private readonly items: WorkItem[] = [];
  /** Roots whose walk has not started: a node under one of them needs no walk of its own. */
  private readonly waiting = new Set<Node>();

  get length(): number {
    return this.items.length;
  }

  get head(): WorkItem | undefined {
    return this.items[0];
  }

  /** Queues `node`; false when it is already waiting. */
  push(node: Node): boolean {
    if (this.waiting.has(node)) return false;
    this.waiting.add(node);
    this.items.push({ root: node, walker: null });
    return true;
  }

  /** The walk of `item` began: nodes under it are covered by it, not by waiting for it. */
  started(item: WorkItem): void {
    this.waiting.delete(item.root);
  }

  /** Drops the head item (its walk is over, or it needed none). */
  finishHead(): void {
    const item = this.items.shift();
    if (item) this.waiting.delete(item.root);
  }

  /** An ancestor still waiting for its walk covers this node. */
  hasWaitingAncestor(node: Node): boolean {
    for (let parent = composedParent(node); parent; parent = composedParent(parent)) {
      if (this.waiting.has(parent)) return true;
    }
    return false;
  }

  clear(): void {
    this.items.length = 0;
    this.waiting.clear();
  }
}

/**
 * Runs `slice` in the page's idle periods, one at a time: each gets the time the browser grants
 * (up to MAX_SLICE_MS), never less than `sliceMs`.
 */
export function createIdleSlices(
  scheduler: ScanScheduler,
  sliceMs: number,
  slice: (budgetMs: number) => void,
): { request(): void; cancel(): void } {
  let scheduled = false;
  let generation = 0;
  return {
    request() {
      if (scheduled) return;
      scheduled = true;
      const mine = generation;
      scheduler.idle((deadline) => {
        if (mine !== generation) return;
        scheduled = false;
        const idleMs = deadline && !deadline.didTimeout ? deadline.timeRemaining() : 0;
        slice(Math.max(sliceMs, Math.min(idleMs, MAX_SLICE_MS)));
      });
    },
    cancel() {
      generation++;
      scheduled = false;
    },
  };
}
