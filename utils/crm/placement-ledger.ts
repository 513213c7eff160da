import { isElement, isText } from './dom';

/** What was placed for one anchor (a text node, link, field or input), so it can be taken back. */
export interface Placement {
  controls: HTMLElement[];
  /** Text nodes split off the anchor to put controls right after each number. */
  splits: Text[];
  /** Text nodes whose scan produced the controls (to rescan them when the placement goes). */
  texts: Text[];
  /** Links, fields, inputs or interactive elements the controls belong to. */
  owners: Element[];
}

export function newPlacement(owner: Element | null): Placement {
  return { controls: [], splits: [], texts: [], owners: owner ? [owner] : [] };
}

/** Found but not yet placed: what `forget` must release if the page changes it first. */
interface PendingWrite {
  texts: Text[];
  owners: Element[];
}

/**
 * How long, and how many, found numbers may wait for their controls while a long scan goes on.
 * Each batch of insertions makes the browser lay the page out again (100–250 ms on a 50k-element
 * list), so a long first scan places its controls in few large batches; the count keeps one
 * batch's insertions under ~25 ms.
 */
export const MAX_WRITE_DELAY_MS = 1_500;
export const MAX_PENDING_WRITES = 500;

/**
 * The scanner's memory of the page: which nodes are handled (read, asked about or placed), what
 * was placed for each, and the insertions still to make. Everything is keyed weakly by the page's
 * nodes, so nodes the page drops are forgotten with them.
 */
export class PlacementLedger {
  /** Text nodes and elements handled: never read twice, never given a second control. */
  private readonly doneText = new WeakSet<Text>();
  private readonly doneElements = new WeakSet<Element>();
  private readonly placements = new WeakMap<Node, Placement>();
  private readonly linkControls = new WeakMap<Element, HTMLElement>();
  /** The node a split-off remainder came from (page rewrites of the original go to the split). */
  private readonly splitFrom = new WeakMap<Text, Text>();
  private readonly controls = new Set<HTMLElement>();
  private readonly writes: (() => void)[] = [];
  /** Writes not yet run, by the nodes they were found in; `forget` voids them. */
  private readonly pendingWrites = new WeakMap<Node, PendingWrite>();
  private writesSince = 0;

  isDone(node: Text | Element): boolean {
    return isText(node) ? this.doneText.has(node) : this.doneElements.has(node);
  }

  markDone(node: Text | Element): void {
    if (isText(node)) this.doneText.add(node);
    else this.doneElements.add(node);
  }

  /** Handled again from scratch when the page brings it back (its reading was not used). */
  release(node: Text | Element): void {
    if (isText(node)) this.doneText.delete(node);
    else this.doneElements.delete(node);
  }

  isPlaced(node: Node): boolean {
    return this.placements.has(node);
  }

  controlForLink(link: Element): HTMLElement | undefined {
    return this.linkControls.get(link);
  }

  /** The text a page rewrite of `text` really concerns: the original a remainder was split from. */
  originOf(text: Text): Text {
    return this.splitFrom.get(text) ?? text;
  }

  get pendingWriteCount(): number {
    return this.writes.length;
  }

  /** How long the oldest write not yet made has waited. */
  writesWaitingMs(now: number): number {
    return this.writes.length === 0 ? 0 : now - this.writesSince;
  }

  /**
   * Queues a DOM change: it runs at the next flush, after the slice has read everything it needs
   * (reading styles for line-through right after an insertion would force a style recalculation
   * per number on a big page).
   */
  write(
    anchor: Text | Element,
    pending: { texts: Text[]; owners: Element[] },
    change: () => void,
  ): void {
    for (const node of [...pending.texts, ...pending.owners]) this.pendingWrites.set(node, pending);
    if (this.writes.length === 0) this.writesSince = performance.now();
    this.writes.push(() => {
      // The page changed what was found since the scan: `forget` released it for a rescan.
      if (this.pendingWrites.get(anchor) !== pending) return;
      for (const node of [...pending.texts, ...pending.owners]) this.pendingWrites.delete(node);
      // Detached meanwhile: scan it afresh if the page puts it back.
      if (!anchor.isConnected) this.releasePending(pending);
      else change();
    });
  }

  flush(): void {
    for (const change of this.writes.splice(0)) change();
  }

  placementOf(anchor: Node): Placement | undefined {
    return this.placements.get(anchor);
  }

  remember(anchor: Node, placement: Placement): void {
    this.placements.set(anchor, placement);
    for (const control of placement.controls) this.controls.add(control);
  }

  rememberLink(link: Element, control: HTMLElement): void {
    this.linkControls.set(link, control);
  }

  rememberSplit(tail: Text, from: Text): void {
    this.doneText.add(tail);
    this.splitFrom.set(tail, from);
  }

  /** Takes back what was placed for `anchor` so it (and its texts) can be scanned afresh. */
  forget(anchor: Node, removeSplits: boolean): void {
    const placement = this.placements.get(anchor);
    const pending = this.pendingWrites.get(anchor);
    if (pending) this.releasePending(pending);
    if (isText(anchor)) this.doneText.delete(anchor);
    else if (isElement(anchor)) this.doneElements.delete(anchor);
    if (!placement) return;
    for (const control of placement.controls) {
      control.remove();
      this.controls.delete(control);
    }
    if (removeSplits) for (const split of placement.splits) split.remove();
    for (const text of placement.texts) {
      this.placements.delete(text);
      this.doneText.delete(text);
    }
    for (const owner of placement.owners) {
      this.placements.delete(owner);
      this.doneElements.delete(owner);
      this.linkControls.delete(owner);
    }
  }

  /** Controls the page removed with their surroundings need no taking back; stop tracking them. */
  prune(): void {
    for (const control of this.controls) if (!control.isConnected) this.controls.delete(control);
  }

  /** Removes every control placed and drops the writes not yet made. */
  clear(): void {
    this.writes.length = 0;
    for (const control of this.controls) control.remove();
    this.controls.clear();
  }

  private releasePending(pending: PendingWrite): void {
    for (const text of pending.texts) {
      this.pendingWrites.delete(text);
      this.doneText.delete(text);
    }
    for (const owner of pending.owners) {
      this.pendingWrites.delete(owner);
      this.doneElements.delete(owner);
    }
  }
}
