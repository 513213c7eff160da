import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { PageNumbers } from '@/utils/crm/background-numbers';
import type { DetectedNumber, NumberCandidate } from '@/utils/messages';
import {
  callButtons,
  dialStrings,
  fakeBackground,
  localNumbers,
  setPage,
  settle,
  startOnPage,
  type StartedPage,
} from './helpers/page';

/**
 * The background answers detection batches later, as it does in the extension: the page goes on
 * meanwhile, and an answer about a node that changed, left or was stopped for places nothing.
 */
interface HeldNumbers extends PageNumbers {
  asked: NumberCandidate[][];
  /** Answers every batch asked so far (with the real reader), or fails them. */
  release(error?: Error): Promise<void>;
}

function heldNumbers(): HeldNumbers {
  const real = localNumbers('US');
  const waiting: {
    items: NumberCandidate[];
    resolve(numbers: DetectedNumber[][]): void;
    reject(error: Error): void;
  }[] = [];
  const held: HeldNumbers = {
    asked: [],
    detect(items) {
      held.asked.push(items);
      return new Promise((resolve, reject) => waiting.push({ items, resolve, reject }));
    },
    showsNumber: real.showsNumber,
    async release(error) {
      for (const batch of waiting.splice(0)) {
        if (error) batch.reject(error);
        else batch.resolve(real.detect(batch.items) as DetectedNumber[][]);
      }
      await settle();
    },
  };
  return held;
}

let page: StartedPage | null = null;

beforeEach(() => {
  fakeBrowser.reset();
  fakeBackground();
});

afterEach(() => {
  page?.abort.abort();
  page = null;
  document.body.replaceChildren();
});

function start(html: string, numbers: PageNumbers): StartedPage {
  setPage(html);
  page = startOnPage('https://intranet.example.com/contacts/42', 'US', { numbers });
  return page;
}

describe('detection answered later (the background reads the numbers)', () => {
  it('asks once per batch, with only the texts that can hold a number, and places on the answer', async () => {
    const numbers = heldNumbers();
    start(
      '<p>Call (415) 555-0123</p><p>Order 12-34</p><p>no digits here</p><a href="tel:+14155550199">desk</a>',
      numbers,
    );
    expect(callButtons()).toHaveLength(0);
    expect(numbers.asked).toHaveLength(1);
    // Fewer than six digits is never a number: not sent at all.
    expect(numbers.asked[0]).toEqual([
      { kind: 'text', text: 'Call (415) 555-0123' },
      { kind: 'link', href: 'tel:+14155550199', shown: 'desk' },
    ]);
    await numbers.release();
    expect(dialStrings()).toEqual(['+14155550123', '+14155550199']);
  });

  it('places nothing for a text that changed before the answer, and reads the new text', async () => {
    const numbers = heldNumbers();
    start('<p id="p">Call (415) 555-0123</p>', numbers);
    const text = document.getElementById('p')!.firstChild as Text;
    text.data = 'Call (415) 555-0177';
    await settle();
    await numbers.release();
    expect(dialStrings()).toEqual([]);
    page!.clickToCall.drain();
    expect(numbers.asked.at(-1)).toEqual([{ kind: 'text', text: 'Call (415) 555-0177' }]);
    await numbers.release();
    expect(dialStrings()).toEqual(['+14155550177']);
  });

  it('places nothing for a node that left the page before the answer', async () => {
    const numbers = heldNumbers();
    start('<p id="p">Call (415) 555-0123</p>', numbers);
    document.getElementById('p')!.remove();
    await numbers.release();
    expect(callButtons()).toHaveLength(0);
  });

  it('places nothing once stopped, even when the answer comes after', async () => {
    const numbers = heldNumbers();
    const started = start('<p>Call (415) 555-0123</p>', numbers);
    started.abort.abort();
    await numbers.release();
    expect(callButtons()).toHaveLength(0);
  });

  it('lets go of a batch the background could not answer, and asks again on the next change', async () => {
    const numbers = heldNumbers();
    start('<p id="p">Call (415) 555-0123</p>', numbers);
    await numbers.release(
      new Error('Could not establish connection. Receiving end does not exist.'),
    );
    expect(callButtons()).toHaveLength(0);
    (document.getElementById('p')!.firstChild as Text).data = 'Call (415) 555-0123 ';
    await settle();
    page!.clickToCall.drain();
    await numbers.release();
    expect(dialStrings()).toEqual(['+14155550123']);
  });
});
