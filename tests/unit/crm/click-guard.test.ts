import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClickGuard, STABLE_MS, type ClickGuard } from '@/utils/crm/click-guard';

// happy-dom lays nothing out: each test says where the button is and what is under the pointer.
interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

let clock = 0;
let abort: AbortController;
let guard: ClickGuard;
let host: HTMLElement;
let button: HTMLButtonElement;
let wrapper: HTMLElement;
let rect: Rect;
let underPointer: Element | null;

function setUp(options: { intersectionObserver?: typeof IntersectionObserver | null } = {}) {
  document.body.replaceChildren();
  wrapper = document.createElement('div');
  host = document.createElement('ucontact-call');
  const root = host.attachShadow({ mode: 'open' });
  button = document.createElement('button');
  root.append(button);
  wrapper.append(host);
  document.body.append(wrapper);
  rect = { x: 100, y: 100, width: 16, height: 16 };
  button.getBoundingClientRect = () => DOMRect.fromRect(rect);
  underPointer = button;
  // The page's hit test finds our host; our shadow root's finds the button.
  document.elementFromPoint = () => (underPointer === button ? host : underPointer);
  root.elementFromPoint = () => (underPointer === button ? button : null);
  guard = createClickGuard({
    document,
    signal: abort.signal,
    now: () => clock,
    intersectionObserver: options.intersectionObserver ?? null,
  });
  guard.watch(button);
}

function trusted<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}

/** A mouse click at the button's centre (`detail` 1), as a person's click arrives. */
function mouseClick(at: Rect = rect): MouseEvent {
  return trusted(
    new MouseEvent('click', {
      clientX: at.x + at.width / 2,
      clientY: at.y + at.height / 2,
      detail: 1,
      bubbles: true,
      composed: true,
    }),
  );
}

/** Enter or Space on a focused button: a click with `detail` 0 and no coordinates. */
function keyboardClick(): MouseEvent {
  return trusted(new MouseEvent('click', { detail: 0, bubbles: true, composed: true }));
}

/** The pointer comes over the button: the guard notes where it is. */
function hover(): void {
  button.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
}

function focusEvent(trustedEvent: boolean): void {
  const event = new FocusEvent('focusin', { bubbles: true, composed: true });
  button.dispatchEvent(trustedEvent ? trusted(event) : event);
}

function pressTab(): KeyboardEvent {
  const event = trusted(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true }));
  document.body.dispatchEvent(event);
  return event;
}

/** Settled in place for longer than the rule asks. */
function settle(): void {
  hover();
  clock += STABLE_MS + 100;
}

beforeEach(() => {
  clock = 1_000;
  abort = new AbortController();
});
afterEach(() => abort.abort());

describe('click guard: pointer', () => {
  it('takes a trusted click on a visible control that has stayed put', () => {
    setUp();
    settle();
    expect(guard.check(button, mouseClick())).toBe('ok');
  });

  it('refuses untrusted clicks', () => {
    setUp();
    settle();
    expect(guard.check(button, new MouseEvent('click', { detail: 1 }))).toBe('untrusted');
  });

  it('refuses a click when something else is under the pointer (hit test mismatch)', () => {
    setUp();
    settle();
    underPointer = document.createElement('button');
    document.body.append(underPointer);
    expect(guard.check(button, mouseClick())).toBe('not-under-pointer');
    // Our control, but the click's coordinates are elsewhere (a pointer-events game).
    underPointer = null;
    expect(guard.check(button, mouseClick())).toBe('not-under-pointer');
  });

  it('refuses a control whose ancestor makes it nearly transparent', () => {
    setUp();
    settle();
    wrapper.style.opacity = '0.5';
    expect(guard.check(button, mouseClick())).toBe('hidden');
    wrapper.style.opacity = '0.95';
    expect(guard.check(button, mouseClick())).toBe('ok');
    host.style.setProperty('opacity', '0.01', 'important');
    expect(guard.check(button, mouseClick())).toBe('hidden');
  });

  it('refuses a control faded by filter: opacity()', () => {
    setUp();
    settle();
    wrapper.style.filter = 'opacity(10%)';
    expect(guard.check(button, mouseClick())).toBe('hidden');
  });

  it('refuses a control under visibility: hidden', () => {
    setUp();
    settle();
    button.style.visibility = 'hidden';
    expect(guard.check(button, mouseClick())).toBe('hidden');
  });

  it('refuses a clipped control (clip-path, or clip on a positioned ancestor)', () => {
    setUp();
    settle();
    wrapper.style.clipPath = 'inset(50%)';
    expect(guard.check(button, mouseClick())).toBe('hidden');
    wrapper.style.clipPath = 'none';
    wrapper.style.position = 'absolute';
    wrapper.style.clip = 'rect(0px, 0px, 0px, 0px)';
    expect(guard.check(button, mouseClick())).toBe('hidden');
  });

  it('refuses a zero-sized or off-screen control', () => {
    setUp();
    rect = { x: 100, y: 100, width: 0, height: 0 };
    settle();
    expect(guard.check(button, mouseClick())).toBe('hidden');
    rect = { x: -100, y: 100, width: 16, height: 16 };
    settle();
    expect(guard.check(button, mouseClick())).toBe('hidden');
  });

  it('refuses a control that appeared or moved less than 500 ms ago, then takes the next click', () => {
    setUp();
    // Never seen before the click: it just appeared.
    expect(guard.check(button, mouseClick())).toBe('moved');
    clock += STABLE_MS;
    expect(guard.check(button, mouseClick())).toBe('ok');

    // The page moves it under the pointer; the agent clicks 300 ms later.
    hover();
    rect = { x: 400, y: 200, width: 16, height: 16 };
    hover();
    clock += 300;
    expect(guard.check(button, mouseClick())).toBe('moved');
    clock += STABLE_MS - 300;
    expect(guard.check(button, mouseClick())).toBe('ok');
  });

  it('a control moved by a scroll long ago counts as settled (noted when the scroll happened)', async () => {
    setUp();
    settle();
    rect = { x: 100, y: 40, width: 16, height: 16 };
    document.dispatchEvent(new Event('scroll'));
    await new Promise((frame) => requestAnimationFrame(frame));
    clock += STABLE_MS;
    expect(guard.check(button, mouseClick())).toBe('ok');
    // The page scrolls it under the pointer just before the click.
    rect = { x: 100, y: 10, width: 16, height: 16 };
    document.dispatchEvent(new Event('scroll'));
    await new Promise((frame) => requestAnimationFrame(frame));
    clock += 100;
    expect(guard.check(button, mouseClick())).toBe('moved');
  });

  it('notices a move at click time even without a pointer event in between', () => {
    setUp();
    settle();
    rect = { x: 300, y: 100, width: 16, height: 16 };
    expect(guard.check(button, mouseClick())).toBe('moved');
  });

  it("uses IntersectionObserver v2's isVisible (occlusion) where the browser has it", () => {
    let report: IntersectionObserverCallback = () => undefined;
    const observed: Element[] = [];
    class FakeObserver {
      constructor(callback: IntersectionObserverCallback, init: IntersectionObserverInit) {
        report = callback;
        expect(init).toMatchObject({ trackVisibility: true, delay: 100 });
      }
      observe(target: Element) {
        observed.push(target);
      }
      unobserve() {}
      disconnect() {}
    }
    setUp({ intersectionObserver: FakeObserver as unknown as typeof IntersectionObserver });
    expect(observed).toEqual([button]);
    const entry = (isVisible: boolean) =>
      ({
        target: button,
        isVisible,
        boundingClientRect: DOMRect.fromRect(rect),
      }) as unknown as IntersectionObserverEntry;
    report([entry(true)], {} as IntersectionObserver);
    clock += STABLE_MS;
    expect(guard.check(button, mouseClick())).toBe('ok');
    // Covered by the page's "Submit" (pointer-events: none lets the click through to us).
    report([entry(false)], {} as IntersectionObserver);
    clock += STABLE_MS;
    expect(guard.check(button, mouseClick())).toBe('hidden');
    // Uncovered again: its clock restarts.
    report([entry(true)], {} as IntersectionObserver);
    expect(guard.check(button, mouseClick())).toBe('moved');
  });
});

describe('click guard: keyboard', () => {
  it('refuses Enter on a control the page focused with .focus()', () => {
    setUp();
    settle();
    button.focus();
    focusEvent(false);
    expect(guard.check(button, keyboardClick())).toBe('not-focused-by-agent');
  });

  it('refuses a focus the page moves while handling the agent’s Tab keydown', () => {
    setUp();
    settle();
    document.addEventListener('keydown', () => focusEvent(true), { once: true });
    pressTab();
    expect(guard.check(button, keyboardClick())).toBe('not-focused-by-agent');
  });

  it('refuses a focus after a Tab the page cancelled', () => {
    setUp();
    settle();
    document.addEventListener('keydown', (event) => event.preventDefault(), { once: true });
    const tab = trusted(
      new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, cancelable: true }),
    );
    document.body.dispatchEvent(tab);
    focusEvent(true);
    expect(guard.check(button, keyboardClick())).toBe('not-focused-by-agent');
  });

  it('takes Enter after the agent tabbed to the control', () => {
    setUp();
    settle();
    pressTab();
    focusEvent(true);
    expect(guard.check(button, keyboardClick())).toBe('ok');
  });

  it('treats a click with no coordinates as the keyboard’s, whatever its detail says', () => {
    setUp();
    settle();
    const noWhere = trusted(new MouseEvent('click', { detail: 1, bubbles: true, composed: true }));
    expect(guard.check(button, noWhere)).toBe('not-focused-by-agent');
  });

  it('takes Enter after the agent pressed the control (focus from the pointer)', () => {
    setUp();
    settle();
    button.dispatchEvent(
      trusted(new PointerEvent('pointerdown', { bubbles: true, composed: true })),
    );
    focusEvent(true);
    expect(guard.check(button, keyboardClick())).toBe('ok');
  });

  it('one Tab moves focus once: a later focus the page makes does not count', () => {
    setUp();
    settle();
    pressTab();
    const other = document.createElement('input');
    document.body.append(other);
    other.dispatchEvent(trusted(new FocusEvent('focusin', { bubbles: true, composed: true })));
    focusEvent(true);
    expect(guard.check(button, keyboardClick())).toBe('not-focused-by-agent');
  });

  it('follows the same visibility and stability rules as the pointer', () => {
    setUp();
    settle();
    pressTab();
    focusEvent(true);
    wrapper.style.opacity = '0.2';
    expect(guard.check(button, keyboardClick())).toBe('hidden');
    wrapper.style.opacity = '1';
    // Covered at its centre.
    underPointer = document.createElement('div');
    expect(guard.check(button, keyboardClick())).toBe('hidden');
    underPointer = button;
    rect = { x: 10, y: 10, width: 16, height: 16 };
    expect(guard.check(button, keyboardClick())).toBe('moved');
  });

  it('loses the agent’s focus on blur', () => {
    setUp();
    settle();
    pressTab();
    focusEvent(true);
    button.dispatchEvent(new FocusEvent('focusout', { bubbles: true, composed: true }));
    expect(guard.check(button, keyboardClick())).toBe('not-focused-by-agent');
  });
});

describe('click guard: page links', () => {
  it('a visible link under the pointer is aimed at; a transparent or covered one is not', () => {
    setUp();
    const link = document.createElement('a');
    link.href = 'tel:+14155550123';
    document.body.append(link);
    link.getBoundingClientRect = () => DOMRect.fromRect(rect);
    underPointer = link;
    expect(guard.isAimedAt(link, mouseClick())).toBe(true);
    link.style.opacity = '0';
    expect(guard.isAimedAt(link, mouseClick())).toBe(false);
    link.style.opacity = '1';
    underPointer = document.createElement('div');
    expect(guard.isAimedAt(link, mouseClick())).toBe(false);
    expect(guard.isAimedAt(link, new MouseEvent('click', { detail: 1 }))).toBe(false);
  });
});
