import { describe, expect, it } from 'vitest';
import { createCallIntent } from '@/utils/crm/call-intent';
import { INTENT_INTERVAL_MS } from '@/utils/intent-throttle';

function event(type: string, trusted: boolean, key?: string): Event {
  const made = key ? new KeyboardEvent(type, { key }) : new Event(type);
  Object.defineProperty(made, 'isTrusted', { value: trusted });
  return made;
}

describe('call intent (pointer or focus on a call button prepares the phone)', () => {
  it("counts only the agent's own pointer and Tab key, once per interval across buttons", () => {
    let now = 0;
    let prepared = 0;
    const watch = createCallIntent(
      () => prepared++,
      () => now,
    );
    const first = document.createElement('button');
    const second = document.createElement('button');
    watch(first);
    watch(second);

    // The page can dispatch these, but not trusted ones; its focus() is trusted, so focus is no intent.
    first.dispatchEvent(event('pointerenter', false));
    first.dispatchEvent(event('keyup', false, 'Tab'));
    first.dispatchEvent(event('focus', true));
    first.dispatchEvent(event('keyup', true, 'a'));
    expect(prepared).toBe(0);

    first.dispatchEvent(event('pointerenter', true));
    expect(prepared).toBe(1);
    now += INTENT_INTERVAL_MS - 1;
    second.dispatchEvent(event('pointerenter', true));
    second.dispatchEvent(event('keyup', true, 'Tab'));
    expect(prepared).toBe(1);
    now += 1;
    second.dispatchEvent(event('keyup', true, 'Tab'));
    expect(prepared).toBe(2);
  });
});
