import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '@/utils/errors';
import { createMicrophoneTab, type MicrophoneTabOptions } from '@/utils/background/microphone-tab';
import {
  exposeMicrophoneRegistry,
  findMicrophoneRegistry,
  type MicrophoneSource,
} from '@/utils/microphone-registry';

const AUDIO: MediaStreamConstraints = { audio: true, video: false };
const AGENT_TAB = 7;

/** A microphone page as the background sees it, with its calls recorded. */
function fakePage(tabId: number, init: { prepared?: boolean } = {}) {
  let prepared = init.prepared ?? true;
  const stream = { id: `stream-of-${tabId}` } as unknown as MediaStream;
  const page = {
    tabId,
    isPrepared: vi.fn(() => prepared),
    prepare: vi.fn(async () => {
      prepared = true;
    }),
    capture: vi.fn(async () => {
      prepared = true;
      return stream;
    }),
    stream,
  };
  return page satisfies MicrophoneSource;
}

function setUp(overrides: Partial<MicrophoneTabOptions> = {}) {
  const shown: number[] = [];
  const closed: number[] = [];
  const options: MicrophoneTabOptions = {
    openTab: vi.fn(async () => undefined),
    activeTab: vi.fn(async () => AGENT_TAB),
    showTab: vi.fn(async (tabId: number) => {
      shown.push(tabId);
    }),
    closeTab: vi.fn(async (tabId: number) => {
      closed.push(tabId);
    }),
    onSourceGone: vi.fn(),
    loadTimeoutMs: 1_000,
    captureTimeoutMs: 5_000,
    ...overrides,
  };
  return { tab: createMicrophoneTab(options), options, shown, closed };
}

describe('Firefox microphone tab', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('opens the page when there is none and captures a clone there without showing it', async () => {
    const { tab, options, shown } = setUp();
    const page = fakePage(3);
    const capturing = tab.capture(AUDIO);
    await vi.waitFor(() => expect(options.openTab).toHaveBeenCalledTimes(1));
    tab.registry.register(page);
    expect(await capturing).toBe(page.stream);
    expect(page.capture).toHaveBeenCalledWith(AUDIO);
    // A kept capture (a remembered grant or a one-shot one): the agent's tab stays in front.
    expect(shown).toEqual([]);
  });

  it('opens the page once for concurrent calls', async () => {
    const { tab, options } = setUp();
    const page = fakePage(3);
    const both = Promise.all([tab.capture(AUDIO), tab.capture(AUDIO)]);
    await vi.waitFor(() => expect(options.openTab).toHaveBeenCalled());
    tab.registry.register(page);
    await both;
    expect(options.openTab).toHaveBeenCalledTimes(1);
    expect(page.capture).toHaveBeenCalledTimes(2);
  });

  it('brings the page to the front for a new capture, then goes back to the agent’s tab', async () => {
    const { tab, shown } = setUp();
    const page = fakePage(3, { prepared: false });
    tab.registry.register(page);
    await tab.capture(AUDIO);
    expect(shown).toEqual([3, AGENT_TAB]);
  });

  it('at login shows the page while it captures (and Firefox may ask), then goes back', async () => {
    const { tab, shown } = setUp();
    tab.registry.register(fakePage(3, { prepared: false }));
    await tab.open(AUDIO);
    expect(shown).toEqual([3, AGENT_TAB]);
  });

  it('at login prepares the capture in the page', async () => {
    const { tab } = setUp();
    const page = fakePage(3, { prepared: false });
    tab.registry.register(page);
    await tab.open(AUDIO);
    expect(page.prepare).toHaveBeenCalledWith(AUDIO);
    expect(page.capture).not.toHaveBeenCalled();
  });

  it('says so when the page never checks in', async () => {
    const { tab } = setUp();
    const capturing = tab.capture(AUDIO);
    const failed = expect(capturing).rejects.toMatchObject({ key: 'errorMicrophonePage' });
    await vi.advanceTimersByTimeAsync(1_001);
    await failed;
  });

  it('says so when the tab cannot be opened', async () => {
    const { tab } = setUp({ openTab: vi.fn(async () => Promise.reject(new Error('no tabs'))) });
    await expect(tab.capture(AUDIO)).rejects.toMatchObject({ key: 'errorMicrophonePage' });
  });

  it('turns the page’s refusal (a DOMException of another window) into a microphone error', async () => {
    const { tab } = setUp();
    const page = fakePage(3);
    page.capture.mockRejectedValueOnce({ name: 'NotAllowedError', message: 'denied' });
    tab.registry.register(page);
    const error = await tab.capture(AUDIO).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ key: 'errorMicrophone' });
  });

  it('gives up on an unanswered prompt after the capture timeout', async () => {
    const { tab } = setUp();
    const page = fakePage(3, { prepared: false });
    page.capture.mockReturnValueOnce(new Promise<MediaStream>(() => undefined));
    tab.registry.register(page);
    const capturing = tab.capture(AUDIO);
    const failed = expect(capturing).rejects.toMatchObject({ key: 'errorMicrophone' });
    await vi.advanceTimersByTimeAsync(5_001);
    await failed;
  });

  it('opens a fresh page when the one it knew died unannounced (dead objects throw TypeErrors)', async () => {
    const { tab, options } = setUp();
    const dead = fakePage(3);
    dead.isPrepared.mockImplementation(() => {
      throw new TypeError("can't access dead object");
    });
    tab.registry.register(dead);
    const capturing = tab.capture(AUDIO);
    await vi.waitFor(() => expect(options.openTab).toHaveBeenCalledTimes(1));
    const fresh = fakePage(4);
    tab.registry.register(fresh);
    expect(await capturing).toBe(fresh.stream);
  });

  it('tells the phone at once when the page goes away, and only for the page in use', () => {
    const { tab, options } = setUp();
    const page = fakePage(3);
    tab.registry.register(page);
    tab.registry.unregister(fakePage(9));
    expect(options.onSourceGone).not.toHaveBeenCalled();
    tab.registry.unregister(page);
    expect(options.onSourceGone).toHaveBeenCalledTimes(1);
  });

  it('keeps one page: a second one takes over and the first tab closes', () => {
    const { tab, closed, options } = setUp();
    const first = fakePage(3);
    tab.registry.register(first);
    tab.registry.register(fakePage(4));
    expect(closed).toEqual([3]);
    // The old page's goodbye no longer speaks for the microphone.
    tab.registry.unregister(first);
    expect(options.onSourceGone).not.toHaveBeenCalled();
  });

  it('closes the page at logout', async () => {
    const { tab, closed } = setUp();
    tab.registry.register(fakePage(3));
    await tab.close();
    expect(closed).toEqual([3]);
    await tab.close();
    expect(closed).toEqual([3]);
  });

  it('is found on the background window by the page', () => {
    const { tab } = setUp();
    const background = {};
    expect(findMicrophoneRegistry(background)).toBeUndefined();
    exposeMicrophoneRegistry(background, tab.registry);
    expect(findMicrophoneRegistry(background)).toBe(tab.registry);
    expect(findMicrophoneRegistry(null)).toBeUndefined();
  });
});
