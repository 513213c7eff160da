import { describe, expect, it } from 'vitest';
import { createNumberDetection, pageSettingsOf } from '@/utils/background/number-detection';
import type { NumberContext } from '@/utils/messages';
import { DEFAULT_SETTINGS } from '@/utils/settings/settings';

const US: NumberContext = { country: 'US', dialPlan: null };

describe('number detection for content scripts (the background reads the numbers)', () => {
  it('reads every number in a text, with where it is, what it dials and how it reads', () => {
    const { detect } = createNumberDetection(() => []);
    const [numbers] = detect({
      ...US,
      items: [{ kind: 'text', text: 'Call (415) 555-0123 or +44 20 7946 0958' }],
    });
    expect(numbers!.map(({ start, end, dial }) => ({ start, end, dial }))).toEqual([
      { start: 5, end: 19, dial: '+14155550123' },
      { start: 23, end: 39, dial: '+442079460958' },
    ]);
  });

  it('reads a phone field whole, falling back to the numbers in it; an input only whole', () => {
    const { detect } = createNumberDetection(() => []);
    const [field, mixed, input, notWhole] = detect({
      ...US,
      items: [
        { kind: 'field', text: '415 555 0123' },
        { kind: 'field', text: 'Office: (415) 555-0123, ask for Ana' },
        { kind: 'input', text: '+1 415 555 0123' },
        { kind: 'input', text: 'Office: (415) 555-0123' },
      ],
    });
    expect(field).toMatchObject([{ start: 0, end: 12, dial: '+14155550123' }]);
    expect(mixed).toMatchObject([{ start: 8, end: 22, dial: '+14155550123' }]);
    expect(input).toMatchObject([{ start: 0, end: 15, dial: '+14155550123' }]);
    expect(notWhole).toEqual([]);
  });

  it('offers no number labelled as fax, in a text or a field', () => {
    const { detect } = createNumberDetection(() => []);
    const [text, field] = detect({
      ...US,
      items: [
        { kind: 'text', text: 'Tel: (415) 555-0123 · Fax: (415) 555-0124' },
        { kind: 'field', text: 'Fax (415) 555-0124' },
      ],
    });
    expect(text!.map((number) => number.dial)).toEqual(['+14155550123']);
    expect(field).toEqual([]);
  });

  it('reads a tel: link, and says what the dial plan turns a number into', () => {
    const { detect } = createNumberDetection(() => []);
    const [link] = detect({
      country: 'UY',
      dialPlan: { homeCountry: 'UY', outsideLinePrefix: '9' },
      items: [{ kind: 'link', href: 'tel:+59829001234', shown: '2900 1234' }],
    });
    expect(link).toMatchObject([{ dial: '+59829001234', preview: '9029001234' }]);
  });

  it('reads national numbers with the page country, else the browser languages', () => {
    const spanish = createNumberDetection(() => ['es-UY']);
    const item = { kind: 'text', text: 'Tel. 2900 1234' } as const;
    expect(spanish.detect({ country: undefined, dialPlan: null, items: [item] })[0]).toMatchObject([
      { dial: '+59829001234' },
    ]);
    expect(spanish.detect({ country: 'AR', dialPlan: null, items: [item] })[0]).not.toMatchObject([
      { dial: '+59829001234' },
    ]);
  });

  it('answers what a content script sends without trusting it', () => {
    const { detect, shows } = createNumberDetection(() => []);
    const answer = detect({
      country: 42,
      dialPlan: 'not a plan',
      items: [
        null,
        { kind: 'script', text: '415 555 0123' },
        { kind: 'text', text: 7 },
        { kind: 'link', href: 'javascript:alert(1)', shown: '415 555 0123' },
        { kind: 'text', text: `${'9'.repeat(100_001)}` },
        { kind: 'text', text: 'Call +1 415 555 0123' },
      ],
    } as unknown as Parameters<typeof detect>[0]);
    expect(answer.slice(0, 5)).toEqual([[], [], [], [], []]);
    expect(answer[5]).toMatchObject([{ dial: '+14155550123', preview: null }]);
    // Not an array: no items, no throw.
    expect(detect({ ...US, items: 'x' })).toEqual([]);
    expect(detect({ ...US, items: Array(2_000).fill({ kind: 'text', text: 'x' }) })).toHaveLength(
      1_000,
    );
    expect(shows({ ...US, text: 5, dial: '+14155550123' })).toBe(false);
    expect(shows({ ...US, text: '(415) 555-0123', dial: '+14155550123' })).toBe(true);
    expect(shows({ ...US, text: 'Click here', dial: '+14155550123' })).toBe(false);
  });

  it('answers a repeated text from its cache, per country', () => {
    const { detect } = createNumberDetection(() => []);
    const item = { kind: 'text', text: 'Call 020 7946 0958' } as const;
    const first = detect({ country: 'GB', dialPlan: null, items: [item] })[0];
    expect(detect({ country: 'GB', dialPlan: null, items: [item] })[0]).toBe(first);
    expect(first).toMatchObject([{ dial: '+442079460958' }]);
    // The same text read for another country is read again, not taken from the cache.
    expect(detect({ country: 'US', dialPlan: null, items: [item] })[0]).toEqual([]);
  });

  it('tells a CRM page its country, dial plan and debug setting', () => {
    expect(pageSettingsOf({ ...DEFAULT_SETTINGS, defaultCountry: '', debug: true })).toEqual({
      country: undefined,
      dialPlan: DEFAULT_SETTINGS.dialPlan,
      debug: true,
    });
  });
});
