import type { DetectedNumber, NumberCandidate } from '@/utils/messages';

/**
 * Reads the numbers in candidates. In the extension the background answers (libphonenumber-js
 * runs there, once per browser, off the page's thread); a detector may also answer at once.
 */
export interface NumberDetector {
  detect(items: NumberCandidate[]): DetectedNumber[][] | Promise<DetectedNumber[][]>;
}

/** One message stays small enough to clone and answer in a few ms. */
export const MAX_BATCH_ITEMS = 256;
const MAX_BATCH_CHARS = 200_000;
/** A text longer than this is not a CRM record (a log, a book): not read at all. */
export const MAX_CANDIDATE_CHARS = 100_000;

export interface DetectionBatches<T> {
  /** Adds a candidate (about `subject`) to the batch; sends it when it is full. */
  add(candidate: NumberCandidate, subject: T): void;
  /** Sends what is collected. */
  send(): void;
  /** Batches sent and not answered yet. */
  readonly inFlight: number;
}

/**
 * Collects a slice's candidates into batches for the detector, so the page pays for one message
 * per batch, and hands each answer back with the subjects it was asked about.
 */
export function createDetectionBatches<T>(options: {
  detector: NumberDetector;
  answer(subjects: T[], numbers: DetectedNumber[][]): void;
  failed(subjects: T[], error: unknown): void;
  /** An answer that came later than it was asked for has been handled (or failed). */
  settled(): void;
}): DetectionBatches<T> {
  let candidates: NumberCandidate[] = [];
  let subjects: T[] = [];
  let chars = 0;
  let inFlight = 0;

  function send(): void {
    if (candidates.length === 0) return;
    const asked = subjects;
    const items = candidates;
    candidates = [];
    subjects = [];
    chars = 0;
    let reply: DetectedNumber[][] | Promise<DetectedNumber[][]>;
    try {
      reply = options.detector.detect(items);
    } catch (error) {
      options.failed(asked, error);
      return;
    }
    if (Array.isArray(reply)) {
      options.answer(asked, reply);
      return;
    }
    inFlight++;
    reply
      .then(
        (numbers) => {
          if (!Array.isArray(numbers) || numbers.length !== asked.length) {
            throw new Error('the detector answered a different number of candidates');
          }
          options.answer(asked, numbers);
        },
        (error: unknown) => options.failed(asked, error),
      )
      .catch((error: unknown) => options.failed(asked, error))
      .finally(() => {
        inFlight--;
        options.settled();
      });
  }

  return {
    add(candidate, subject) {
      const size =
        candidate.kind === 'link'
          ? candidate.href.length + candidate.shown.length
          : candidate.text.length;
      if (chars + size > MAX_BATCH_CHARS) send();
      candidates.push(candidate);
      subjects.push(subject);
      chars += size;
      if (candidates.length >= MAX_BATCH_ITEMS) send();
    },
    send,
    get inFlight() {
      return inFlight;
    },
  };
}
