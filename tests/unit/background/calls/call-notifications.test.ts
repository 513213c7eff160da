import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { createCallNotifications } from '@/utils/background/calls/call-notifications';
import { incoming, outgoing, shownNotifications, useEnglishMessages } from './helpers/call-views';

const ICON = 'chrome-extension://test-extension-id/icon/128.png';

function setup(buttons = true) {
  const answer = vi.fn<(callId: string) => void>();
  const decline = vi.fn<(callId: string) => void>();
  const show = vi.fn<() => void>();
  const notifications = createCallNotifications({ answer, decline, show, buttons });
  return { notifications, answer, decline, show };
}

beforeEach(() => {
  fakeBrowser.reset();
  useEnglishMessages();
});

describe('ringing calls', () => {
  it('shows one silent notification with Answer and Decline per ringing incoming call', async () => {
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    const { notifications } = setup();

    await notifications.update([incoming('a')]);

    expect(create).toHaveBeenCalledTimes(1);
    expect(await shownNotifications()).toEqual({
      'incoming:a': {
        type: 'basic',
        iconUrl: ICON,
        title: 'Incoming call',
        message: 'Ada Lovelace (+14155550123)',
        buttons: [{ title: 'Answer' }, { title: 'Decline' }],
        requireInteraction: true,
        silent: true,
      },
    });
  });

  it('does not show it again while the call keeps ringing', async () => {
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    const { notifications } = setup();

    await notifications.update([incoming('a')]);
    await notifications.update([incoming('a')]);
    await notifications.update([incoming('a', { name: 'Ada L.' })]);

    expect(create).toHaveBeenCalledTimes(1);
  });

  it('without buttons (Firefox) shows a plain notification', async () => {
    const { notifications } = setup(false);

    await notifications.update([incoming('a')]);

    expect(await shownNotifications()).toEqual({
      'incoming:a': {
        type: 'basic',
        iconUrl: ICON,
        title: 'Incoming call',
        message: 'Ada Lovelace (+14155550123)',
      },
    });
  });

  it.each([
    ['no name', '', '+14155550123'],
    ['the name is the number', '+14155550123', '+14155550123'],
  ])('names the caller by number alone when there is %s', async (_label, name, message) => {
    const { notifications } = setup();

    await notifications.update([incoming('a', { name })]);

    expect((await shownNotifications())['incoming:a']).toMatchObject({ message });
  });

  it('one notification for each of two ringing calls', async () => {
    const { notifications } = setup();

    await notifications.update([incoming('a'), incoming('b', { number: '1998', name: '' })]);

    const shown = await shownNotifications();
    expect(Object.keys(shown).sort()).toEqual(['incoming:a', 'incoming:b']);
    expect(shown['incoming:b']).toMatchObject({ message: '1998' });
  });

  it.each([
    ['an outgoing call that rings', outgoing('a', { state: 'ringing' })],
    ['an established incoming call', incoming('a', { state: 'established' })],
    ['a held incoming call', incoming('a', { state: 'held', held: true })],
    ['an auto-answered call (two-step click-to-call)', incoming('a', { autoAnswer: true })],
  ])('shows nothing for %s', async (_label, call) => {
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    const { notifications } = setup();

    await notifications.update([call]);

    expect(create).not.toHaveBeenCalled();
    expect(await shownNotifications()).toEqual({});
  });

  it.each([
    ['is answered', [incoming('a', { state: 'established', connectedAt: 1 })]],
    ['is no longer listed', []],
  ])('clears the notification as soon as the call %s', async (_label, next) => {
    const clear = vi.spyOn(fakeBrowser.notifications, 'clear');
    const { notifications } = setup();
    await notifications.update([incoming('a')]);

    await notifications.update(next);

    expect(clear).toHaveBeenCalledWith('incoming:a');
    expect(await shownNotifications()).toEqual({});
  });

  it('clears only the call that stopped ringing', async () => {
    const { notifications } = setup();
    await notifications.update([incoming('a'), incoming('b')]);

    await notifications.update([incoming('b')]);

    expect(Object.keys(await shownNotifications())).toEqual(['incoming:b']);
  });

  it('clears nothing it did not show', async () => {
    const clear = vi.spyOn(fakeBrowser.notifications, 'clear');
    const { notifications } = setup();

    await notifications.update([incoming('a', { state: 'established' })]);
    await notifications.update([]);

    expect(clear).not.toHaveBeenCalled();
  });
});

describe('announce(): a call answered without a click is never silent', () => {
  const autoAnswered = incoming('a', { autoAnswer: true, state: 'established', connectedAt: 5 });
  const LEG = { id: 'r1', campaign: 'Ventas->', number: '+14155550123', display: '(415) 555-0123' };
  const campaignLeg = outgoing('c', {
    number: LEG.number,
    name: LEG.display,
    autoAnswer: true,
    campaign: LEG,
    state: 'established',
    connectedAt: 5,
  });

  it('an auto-answered call, once connected, gets a notification naming the caller', async () => {
    const { notifications } = setup();

    await notifications.announce([autoAnswered]);

    expect(await shownNotifications()).toEqual({
      'auto-answered:a': {
        type: 'basic',
        iconUrl: ICON,
        title: 'Call answered automatically',
        message: 'Ada Lovelace (+14155550123)',
      },
    });
  });

  it("uContact's campaign first leg names the destination being connected, and the campaign", async () => {
    const { notifications } = setup();

    await notifications.announce([campaignLeg]);

    expect((await shownNotifications())['auto-answered:c']).toMatchObject({
      title: 'Call answered automatically',
      message: 'Connecting you to (415) 555-0123 (campaign Ventas->)',
    });
  });

  it('once per call, however many snapshots show it', async () => {
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    const { notifications } = setup();

    await notifications.announce([autoAnswered]);
    await notifications.announce([{ ...autoAnswered, state: 'held', held: true }]);
    await notifications.announce([autoAnswered]);

    expect(create).toHaveBeenCalledTimes(1);
  });

  it.each([
    [
      'a call the agent answers with a click',
      incoming('a', { state: 'established', connectedAt: 5 }),
    ],
    [
      'an auto-answer call still in its beep, not yet connected',
      incoming('a', { autoAnswer: true }),
    ],
    ['an outgoing call', outgoing('a', { state: 'established', connectedAt: 5 })],
    ['an auto-answered call that already ended', { ...autoAnswered, state: 'ended' as const }],
  ])('announces nothing for %s', async (_label, call) => {
    const { notifications } = setup();

    await notifications.announce([call]);

    expect(await shownNotifications()).toEqual({});
  });

  it('the notification goes when the call ends, and clicking it brings up the phone', async () => {
    const { notifications, show } = setup();
    await notifications.announce([autoAnswered]);

    await fakeBrowser.notifications.onClicked.trigger('auto-answered:a');
    await notifications.ended({ ...autoAnswered, state: 'ended', endedAt: 9 });

    expect(show).toHaveBeenCalledOnce();
    expect(await shownNotifications()).toEqual({});
  });

  it('names the caller with the cleaned name and number the phone reports', async () => {
    const { notifications } = setup();

    await notifications.announce([{ ...autoAnswered, name: '王小明 👋🏽', number: '2000' }]);

    expect((await shownNotifications())['auto-answered:a']).toMatchObject({
      message: '王小明 👋🏽 (2000)',
    });
  });
});

describe('ended()', () => {
  it('leaves a missed-call notification for an incoming call that rang out', async () => {
    const { notifications } = setup();
    await notifications.update([incoming('a')]);

    await notifications.ended(incoming('a', { state: 'failed', endedAt: 2 }));

    expect(await shownNotifications()).toEqual({
      'missed:a': {
        type: 'basic',
        iconUrl: ICON,
        title: 'Missed call',
        message: 'Ada Lovelace (+14155550123)',
      },
    });
  });

  it('also for a caller who hung up before the ringing notification was ever shown', async () => {
    const { notifications } = setup();

    await notifications.ended(incoming('a', { state: 'failed' }));

    expect(Object.keys(await shownNotifications())).toEqual(['missed:a']);
  });

  it.each([
    ['answered', incoming('a', { state: 'ended', connectedAt: 1, endedAt: 2 })],
    ['declined', incoming('a', { state: 'ended', declined: true, endedAt: 2 })],
    ['outgoing, unanswered', outgoing('a', { state: 'failed', endedAt: 2 })],
    ['outgoing, cancelled', outgoing('a', { state: 'ended', endedAt: 2 })],
    [
      'auto-answered',
      incoming('a', { autoAnswer: true, state: 'ended', connectedAt: 1, endedAt: 2 }),
    ],
  ])('leaves nothing for a call %s, and clears its ringing notification', async (_l, call) => {
    const { notifications } = setup();
    await notifications.update([incoming('a')]);

    await notifications.ended(call);

    expect(await shownNotifications()).toEqual({});
  });

  it('forgets the call, so the next update does not clear it a second time', async () => {
    const clear = vi.spyOn(fakeBrowser.notifications, 'clear');
    const { notifications } = setup();
    await notifications.update([incoming('a')]);
    await notifications.ended(incoming('a', { state: 'failed' }));
    clear.mockClear();

    await notifications.update([]);

    expect(clear).not.toHaveBeenCalled();
    expect(Object.keys(await shownNotifications())).toEqual(['missed:a']);
  });
});

describe('clicks', () => {
  it('Answer (button 0) answers that call and clears its notification', async () => {
    const { notifications, answer, decline } = setup();
    await notifications.update([incoming('a'), incoming('b')]);

    await fakeBrowser.notifications.onButtonClicked.trigger('incoming:b', 0);

    expect(answer).toHaveBeenCalledExactlyOnceWith('b');
    expect(decline).not.toHaveBeenCalled();
    expect(Object.keys(await shownNotifications())).toEqual(['incoming:a']);
  });

  it('Decline (button 1) declines that call and clears its notification', async () => {
    const { notifications, answer, decline } = setup();
    await notifications.update([incoming('a')]);

    await fakeBrowser.notifications.onButtonClicked.trigger('incoming:a', 1);

    expect(decline).toHaveBeenCalledExactlyOnceWith('a');
    expect(answer).not.toHaveBeenCalled();
    expect(await shownNotifications()).toEqual({});
  });

  it('keeps call ids that contain the separator whole', async () => {
    const { answer } = setup();

    await fakeBrowser.notifications.onButtonClicked.trigger('incoming:m5x-1:2', 0);

    expect(answer).toHaveBeenCalledExactlyOnceWith('m5x-1:2');
  });

  it.each(['missed:a', 'other-feature:a', 'a'])(
    'ignores buttons of notification %j',
    async (id) => {
      const { answer, decline } = setup();

      await fakeBrowser.notifications.onButtonClicked.trigger(id, 0);
      await fakeBrowser.notifications.onButtonClicked.trigger(id, 1);

      expect(answer).not.toHaveBeenCalled();
      expect(decline).not.toHaveBeenCalled();
    },
  );

  it.each(['incoming:a', 'missed:a'])('clicking %j brings up the phone', async (id) => {
    const { show, answer } = setup();

    await fakeBrowser.notifications.onClicked.trigger(id);

    expect(show).toHaveBeenCalledOnce();
    expect(answer).not.toHaveBeenCalled();
  });

  it('clicking another notification does nothing', async () => {
    const { show } = setup();

    await fakeBrowser.notifications.onClicked.trigger('update-available');

    expect(show).not.toHaveBeenCalled();
  });
});
