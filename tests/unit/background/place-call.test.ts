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
  const campaignCall = vi.fn(async () => ({ ok: true as const, value: null }));
  const placeCall = createCallPlacer({
    host: { command } as never,
    readSettings: async () => ({ ...DEFAULT_SETTINGS, ...settings }),
    campaignCall,
  });
  return { placeCall, command, campaignCall };
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

describe('placeCall with callRouting: campaign', () => {
  const VENTAS = { name: 'Ventas->', callerId: '+59829001234' };
  const SOPORTE = { name: 'Soporte->', callerId: '+59829005678', context: 'soporte' };

  it('goes through the first campaign (AgentCall), after the dial plan, and sends no INVITE', async () => {
    const { placeCall, command, campaignCall } = setup({
      callRouting: 'campaign',
      campaigns: [VENTAS, SOPORTE],
      dialPlan: { homeCountry: 'UY', outsideLinePrefix: '9' },
    });
    expect((await placeCall({ dial: '+59899123456', display: '099 123 456' })).ok).toBe(true);
    expect(campaignCall).toHaveBeenCalledWith(VENTAS, '9099123456', '099 123 456');
    expect(command).not.toHaveBeenCalled();
  });

  it('uses the campaign the agent chose', async () => {
    const { placeCall, campaignCall } = setup({
      callRouting: 'campaign',
      campaigns: [VENTAS, SOPORTE],
      campaign: 'Soporte->',
    });
    await placeCall({ dial: '+14155550123', display: 'x' });
    expect(campaignCall).toHaveBeenCalledWith(SOPORTE, '+14155550123', 'x');
  });

  it('with no campaign set, says so and dials nothing', async () => {
    const { placeCall, command, campaignCall } = setup({ callRouting: 'campaign', campaigns: [] });
    expect(await placeCall({ dial: '+14155550123', display: 'x' })).toEqual({
      ok: false,
      error: { key: 'errorNoCampaign', substitutions: [] },
    });
    expect(command).not.toHaveBeenCalled();
    expect(campaignCall).not.toHaveBeenCalled();
  });

  it('still refuses a rewritten dial string before any campaign call', async () => {
    const { placeCall, campaignCall } = setup({ callRouting: 'campaign', campaigns: [VENTAS] });
    expect((await placeCall({ dial: '1997@evil', display: 'x' })).ok).toBe(false);
    expect(campaignCall).not.toHaveBeenCalled();
  });
});
