import { describe, expect, it, vi } from 'vitest';
import { createCallConfirmations } from '@/utils/background/calls/call-confirmations';
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
    confirmations: createCallConfirmations(),
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

  describe('calls the agent may not have seen wait for their yes', () => {
    const ZENDESK = 'https://acme.zendesk.com/agent/tickets/1';
    const page = { kind: 'page' as const, tabId: 4, url: ZENDESK };

    it('a page link whose text is not its number: asks, then dials with the token', async () => {
      const { placeCall, command } = setup();
      const request = {
        dial: '+19005550111',
        display: 'View your invoice',
        askFirst: 'link-text' as const,
      };
      const reply = await placeCall(request, page);
      expect(reply).toMatchObject({
        ok: false,
        error: { key: 'confirmCallFirst', substitutions: ['+1 900 555 0111'] },
        confirm: {
          dial: '+19005550111',
          number: '+1 900 555 0111',
          reasons: ['link-text', 'premium-rate'],
        },
      });
      expect(command).not.toHaveBeenCalled();
      const token = 'confirm' in reply ? reply.confirm.token : '';
      expect((await placeCall({ ...request, confirmation: token }, page)).ok).toBe(true);
      expect(command).toHaveBeenCalledTimes(1);
      // Spent: the same yes does not dial twice.
      expect(await placeCall({ ...request, confirmation: token }, page)).toEqual({
        ok: false,
        error: { key: 'errorConfirmationExpired', substitutions: [] },
      });
      expect(command).toHaveBeenCalledTimes(1);
    });

    it('a made-up token is refused, not taken as a yes', async () => {
      const { placeCall, command } = setup();
      const reply = await placeCall(
        { dial: '+14155550123', display: 'x', confirmation: 'forged' },
        page,
      );
      expect(reply.ok).toBe(false);
      expect(command).not.toHaveBeenCalled();
    });

    it('the context menu and keyboard command always ask', async () => {
      const { placeCall, command } = setup();
      const reply = await placeCall({ dial: '+14155550123', display: 'x' }, { kind: 'selection' });
      expect('confirm' in reply && reply.confirm.reasons).toEqual(['selection']);
      expect(command).not.toHaveBeenCalled();
    });

    it('refuses a dial from a frame outside the CRM apps and enabled sites', async () => {
      const { placeCall, command } = setup({ enabledSites: ['https://crm.example.com'] });
      const from = (url: string) => ({ kind: 'page' as const, tabId: 4, url });
      expect(
        (
          await placeCall(
            { dial: '+14155550123', display: 'x' },
            from('https://acme.zendesk.com/hc/en-us'),
          )
        ).ok,
      ).toBe(false);
      expect(
        (await placeCall({ dial: '+14155550123', display: 'x' }, from('https://evil.example/'))).ok,
      ).toBe(false);
      expect(
        (await placeCall({ dial: '+14155550123', display: 'x' }, from('https://crm.example.com/x')))
          .ok,
      ).toBe(true);
      expect((await placeCall({ dial: '+14155550123', display: 'x' }, from(ZENDESK))).ok).toBe(
        true,
      );
      expect(command).toHaveBeenCalledTimes(2);
    });
  });
});

describe('placeCall: costly numbers are confirmed, whoever asks', () => {
  const page = { kind: 'page' as const, tabId: 4, url: 'https://acme.zendesk.com/agent/tickets/1' };

  it.each<[string, Parameters<ReturnType<typeof setup>['placeCall']>[1]]>([
    ['the popup dial pad or history redial', { kind: 'extension' }],
    ['a CRM page', page],
  ])('%s: a premium-rate number waits for a yes, then dials once', async (_from, source) => {
    const { placeCall, command } = setup();
    const request = { dial: '+19005550111', display: '+1 900 555 0111' };
    const reply = await placeCall(request, source);
    expect(reply).toMatchObject({
      ok: false,
      error: { key: 'confirmCallFirst', substitutions: ['+1 900 555 0111'] },
      confirm: { dial: '+19005550111', number: '+1 900 555 0111', reasons: ['premium-rate'] },
    });
    expect(command).not.toHaveBeenCalled();
    const token = 'confirm' in reply ? reply.confirm.token : '';
    expect((await placeCall({ ...request, confirmation: token }, source)).ok).toBe(true);
    expect(command).toHaveBeenCalledTimes(1);
  });

  it('a shared-cost number asks too; the selection gives both reasons', async () => {
    const { placeCall } = setup();
    const shared = await placeCall({ dial: '+34902123456', display: 'x' });
    expect('confirm' in shared && shared.confirm.reasons).toEqual(['shared-cost']);
    const selected = await placeCall({ dial: '+19005550111', display: 'x' }, { kind: 'selection' });
    expect('confirm' in selected && selected.confirm.reasons).toEqual([
      'selection',
      'premium-rate',
    ]);
  });

  it('reads a national number for the agent country, before the dial plan rewrites it', async () => {
    const { placeCall, command } = setup({
      defaultCountry: 'BR',
      dialPlan: { homeCountry: 'BR', outsideLinePrefix: '0' },
    });
    const reply = await placeCall({ dial: '+559001234567', display: '0900 123 4567' });
    expect('confirm' in reply && reply.confirm.reasons).toEqual(['premium-rate']);
    const token = 'confirm' in reply ? reply.confirm.token : '';
    await placeCall({ dial: '+559001234567', display: 'x', confirmation: token });
    expect(command.mock.calls[0]![1].dial).not.toBe('+559001234567');
  });

  it.each(['+14155550123', '+18005550123', '+447911123456', '+34612345678'])(
    'an ordinary number (%s) dials at once',
    async (dial) => {
      const { placeCall, command } = setup();
      expect((await placeCall({ dial, display: dial })).ok).toBe(true);
      expect(command).toHaveBeenCalledTimes(1);
    },
  );
});

describe('placeCall: blocked numbers', () => {
  const blocked = {
    ok: false,
    error: { key: 'errorNumberBlocked', substitutions: ['+1 900 555 0111', '+1900*'] },
  };

  it('refuses a number an entry matches, naming it, and never asks or dials', async () => {
    const { placeCall, command, campaignCall } = setup({ blockedNumbers: ['+1900*'] });
    expect(await placeCall({ dial: '+19005550111', display: 'x' })).toEqual(blocked);
    expect(await placeCall({ dial: '+19005550111', display: 'x' }, { kind: 'selection' })).toEqual(
      blocked,
    );
    expect(command).not.toHaveBeenCalled();
    expect(campaignCall).not.toHaveBeenCalled();
    expect((await placeCall({ dial: '+14155550123', display: 'x' })).ok).toBe(true);
  });

  it('a confirmation given before the block cannot override it', async () => {
    const settings: Partial<Settings> = {};
    const command = vi.fn(async () => ({ ok: true as const, value: null }));
    const placeCall = createCallPlacer({
      host: { command } as never,
      readSettings: async () => ({ ...DEFAULT_SETTINGS, ...settings }),
      confirmations: createCallConfirmations(),
      campaignCall: vi.fn(),
    });
    const reply = await placeCall({ dial: '+19005550111', display: 'x' });
    const token = 'confirm' in reply ? reply.confirm.token : '';
    settings.blockedNumbers = ['+1 900*'];
    expect(await placeCall({ dial: '+19005550111', display: 'x', confirmation: token })).toEqual({
      ok: false,
      error: { key: 'errorNumberBlocked', substitutions: ['+1 900 555 0111', '+1 900*'] },
    });
    expect(command).not.toHaveBeenCalled();
  });

  it('matches the dial plan target too, and a national number by its E.164 reading', async () => {
    const plan = setup({
      dialPlan: { homeCountry: 'US', outsideLinePrefix: '9' },
      blockedNumbers: ['91900*'],
    });
    expect(await plan.placeCall({ dial: '+19005550111', display: 'x' })).toMatchObject({
      error: { key: 'errorNumberBlocked' },
    });
    const national = setup({ defaultCountry: 'ES', blockedNumbers: ['+34905*'] });
    // 905 numbers do not validate, so the dial string stays national digits.
    expect(await national.placeCall({ dial: '905123456', display: 'x' })).toMatchObject({
      error: { key: 'errorNumberBlocked' },
    });
    expect(plan.command).not.toHaveBeenCalled();
    expect(national.command).not.toHaveBeenCalled();
  });
});
