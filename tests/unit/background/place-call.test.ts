import { describe, expect, it, vi } from 'vitest';
import { createCallPlacer } from '@/utils/background/place-call';
import type { DialRequest, PhoneHostRequests } from '@/utils/messages';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings/settings';

function setup(settings: Partial<Settings> = {}) {
  const command = vi.fn(
    async (_type: 'phone.dial', _payload: PhoneHostRequests['phone.dial']['payload']) => ({
      ok: true as const,
      value: null,
    }),
  );
  const placeCall = createCallPlacer({
    host: { command } as never,
    readSettings: async () => ({ ...DEFAULT_SETTINGS, ...settings }),
  });
  return { placeCall, command };
}

describe('placeCall: the one way every dial path places a call', () => {
  it('dials a checked dial string with the number as shown', async () => {
    const { placeCall, command } = setup();
    expect(await placeCall({ dial: '+14155550123', display: '(415) 555-0123' })).toEqual({
      ok: true,
      value: null,
    });
    expect(command).toHaveBeenCalledWith('phone.dial', {
      dial: '+14155550123',
      display: '(415) 555-0123',
    });
  });

  it('rewrites the dial string by the house dial plan, last', async () => {
    const { placeCall, command } = setup({
      dialPlan: { homeCountry: 'UY', outsideLinePrefix: '9' },
    });
    await placeCall({ dial: '+59899123456', display: '099 123 456' });
    expect(command.mock.calls[0]![1].dial).toBe('9099123456');
  });

  it.each<[string, DialRequest]>([
    ['SIP syntax', { dial: '1997@evil.example', display: 'x' }],
    ['a string a page rewrote after the check', { dial: '415 555 0123', display: 'x' }],
    ['nothing to dial', { dial: '', display: '' }],
    ['not a string at all', { dial: 42 as unknown as string, display: 'x' }],
  ])('refuses %s and never reaches the phone', async (_case, request) => {
    const { placeCall, command } = setup();
    expect(await placeCall(request)).toEqual({
      ok: false,
      error: { key: 'errorDialInvalid', substitutions: [] },
    });
    expect(command).not.toHaveBeenCalled();
  });

  it('bounds what a page may say about the number, and passes an extension on', async () => {
    const { placeCall, command } = setup();
    await placeCall({ dial: '+14155550123', display: 'x'.repeat(500), extension: '204' });
    const [, payload] = command.mock.calls[0]!;
    expect(payload.display).toHaveLength(64);
    expect(payload.extension).toBe('204');
  });
});
