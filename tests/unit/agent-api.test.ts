import { describe, expect, it } from 'vitest';
import { agentBreak, agentUnbreak } from '@/utils/ucontact/agent-break';
import { agentCall, AGENT_CALL_PATH } from '@/utils/ucontact/agent-call';
import { dispositionCall } from '@/utils/ucontact/disposition-call';
import { formOf, headersOf, recordingFetch, textResponse } from './helpers/fetch';
import { failure } from './helpers/failure';

/** The agent API beyond login (DESIGN §3a): click-to-call through a campaign, breaks, results. */
const ORIGIN = 'https://acme.ucontactcloud.com';
const TOKEN = 'bWFyaWE6NmY1ZTRkM2M=';
const GUID = '1733412345.67-abc';

const CALL = {
  callerId: '+59829001234',
  agent: 'maria',
  extension: '1997',
  context: 'from-internal',
  campaign: 'Ventas->',
  destination: '+59899123456',
};

function expectIntegraPost(
  call: { url: string; init: RequestInit } | undefined,
  path: string,
  form: Record<string, string>,
) {
  expect(call!.url).toBe(`${ORIGIN}${path}`);
  expect(call!.init.method).toBe('POST');
  expect(call!.init.redirect).toBe('manual');
  expect(call!.init.credentials).toBe('omit');
  expect(headersOf(call!)).toEqual({
    authorization: `Basic ${TOKEN}`,
    'content-type': 'application/x-www-form-urlencoded',
  });
  expect(formOf(call!)).toEqual(form);
}

describe('agentCall', () => {
  it('POSTs Agents/AgentCall with the campaign, the agent’s phone and the number, and returns the GUID', async () => {
    const { fetch, calls } = recordingFetch(() => textResponse(`${GUID}\n`));
    await expect(agentCall(ORIGIN, TOKEN, CALL, { fetch })).resolves.toBe(GUID);
    expect(AGENT_CALL_PATH).toBe('/Integra/resources/Agents/AgentCall');
    expect(calls).toHaveLength(1);
    expectIntegraPost(calls[0], '/Integra/resources/Agents/AgentCall', {
      callerid: '+59829001234',
      agent: 'maria',
      phone: '1997',
      tech: 'SIP',
      context: 'from-internal',
      outqueue: 'Ventas->',
      destination: '+59899123456',
    });
  });

  it.each([
    ['a UUID', '6f5e4d3c-2b1a-4c9d-8e7f-0a1b2c3d4e5f'],
    ['an Asterisk uniqueid', '1733412345.67'],
    ['a JSON string', '"6f5e4d3c2b1a"'],
  ])('accepts %s as the GUID', async (_what, body) => {
    const { fetch } = recordingFetch(() => textResponse(body));
    expect(await agentCall(ORIGIN, TOKEN, CALL, { fetch })).toBe(body.replaceAll('"', ''));
  });

  it.each([
    ['0', '0'],
    ['empty', ''],
    ['Error', 'Error'],
    ['too short', '1234567'],
    ['a sentence', 'Campaign not found'],
    ['too long', 'a'.repeat(65)],
    ['JSON', '{"guid":"6f5e4d3c2b1a"}'],
  ])(
    'a reply that is no GUID (%s) → errorAgentCallRefused naming the campaign',
    async (_what, body) => {
      const { fetch } = recordingFetch(() => textResponse(body));
      const error = await failure(agentCall(ORIGIN, TOKEN, CALL, { fetch }));
      expect(error.toInfo()).toEqual({ key: 'errorAgentCallRefused', substitutions: ['Ventas->'] });
    },
  );

  it('401 → errorSessionExpired', async () => {
    const { fetch } = recordingFetch(() => textResponse('', { status: 401 }));
    expect((await failure(agentCall(ORIGIN, TOKEN, CALL, { fetch }))).key).toBe(
      'errorSessionExpired',
    );
  });

  it('an HTML page with HTTP 200 → errorUnexpectedReply, not a GUID', async () => {
    const { fetch } = recordingFetch(() =>
      textResponse('<!DOCTYPE html><html><body>Welcome</body></html>'),
    );
    expect((await failure(agentCall(ORIGIN, TOKEN, CALL, { fetch }))).key).toBe(
      'errorUnexpectedReply',
    );
  });
});

describe('agentBreak and agentUnbreak', () => {
  const BREAK = { agent: 'maria', extension: '1997', motive: 'Almuerzo' };
  const FORM = { agent: 'maria', interface: 'SIP/1997', motive: 'Almuerzo' };

  it('agentBreak POSTs api/AgentBreak with agent, interface=SIP/<extension> and motive', async () => {
    const { fetch, calls } = recordingFetch(() => textResponse('1'));
    await agentBreak(ORIGIN, TOKEN, BREAK, { fetch });
    expect(calls).toHaveLength(1);
    expectIntegraPost(calls[0], '/Integra/resources/api/AgentBreak', FORM);
  });

  it('agentUnbreak POSTs api/AgentUnBreak with the same fields', async () => {
    const { fetch, calls } = recordingFetch(() => textResponse(''));
    await agentUnbreak(ORIGIN, TOKEN, BREAK, { fetch });
    expect(calls).toHaveLength(1);
    expectIntegraPost(calls[0], '/Integra/resources/api/AgentUnBreak', FORM);
  });

  it.each(['0', ' 0\n', '"0"', 'Error'])(
    'body %j → errorBreakRefused / errorUnbreakRefused with the motive',
    async (body) => {
      const { fetch } = recordingFetch(() => textResponse(body));
      expect((await failure(agentBreak(ORIGIN, TOKEN, BREAK, { fetch }))).toInfo()).toEqual({
        key: 'errorBreakRefused',
        substitutions: ['Almuerzo'],
      });
      expect((await failure(agentUnbreak(ORIGIN, TOKEN, BREAK, { fetch }))).toInfo()).toEqual({
        key: 'errorUnbreakRefused',
        substitutions: ['Almuerzo'],
      });
    },
  );

  it('401 → errorSessionExpired; a 500 stays errorHttpStatus', async () => {
    const expired = recordingFetch(() => textResponse('', { status: 401 }));
    expect((await failure(agentBreak(ORIGIN, TOKEN, BREAK, expired))).key).toBe(
      'errorSessionExpired',
    );
    expect((await failure(agentUnbreak(ORIGIN, TOKEN, BREAK, expired))).key).toBe(
      'errorSessionExpired',
    );
    const broken = recordingFetch(() => textResponse('', { status: 500 }));
    expect((await failure(agentBreak(ORIGIN, TOKEN, BREAK, broken))).key).toBe('errorHttpStatus');
  });
});

describe('dispositionCall', () => {
  const RESULT = {
    campaign: 'Ventas->',
    agent: 'maria',
    callerId: '+59829001234',
    guid: GUID,
    l1: 'Venta',
    l2: 'Tarjeta',
  };

  it('POSTs api/DispositionCall with every field, the unused ones empty', async () => {
    const { fetch, calls } = recordingFetch(() => textResponse('1'));
    await dispositionCall(
      ORIGIN,
      TOKEN,
      { ...RESULT, comment: 'Llamar & confirmar = sí' },
      { fetch },
    );
    expect(calls).toHaveLength(1);
    expectIntegraPost(calls[0], '/Integra/resources/api/DispositionCall', {
      campaign: 'Ventas->',
      agent: 'maria',
      callerid: '+59829001234',
      guid: GUID,
      l1: 'Venta',
      l2: 'Tarjeta',
      l3: '',
      d1: '',
      d2: '',
      comment: 'Llamar & confirmar = sí',
      schedule: '',
      camptoreschedule: '',
      tag: '',
    });
  });

  it('sends a callback time when there is one', async () => {
    const { fetch, calls } = recordingFetch(() => textResponse('OK'));
    await dispositionCall(
      ORIGIN,
      TOKEN,
      { ...RESULT, l3: 'Cuotas', schedule: '2025-03-04 10:30:00' },
      { fetch },
    );
    expect(formOf(calls[0]!)).toMatchObject({ l3: 'Cuotas', schedule: '2025-03-04 10:30:00' });
  });

  it('body 0 → errorDispositionRefused; 401 → errorSessionExpired', async () => {
    const refused = recordingFetch(() => textResponse('0'));
    expect((await failure(dispositionCall(ORIGIN, TOKEN, RESULT, refused))).toInfo()).toEqual({
      key: 'errorDispositionRefused',
      substitutions: [],
    });
    const expired = recordingFetch(() => textResponse('', { status: 401 }));
    expect((await failure(dispositionCall(ORIGIN, TOKEN, RESULT, expired))).key).toBe(
      'errorSessionExpired',
    );
  });
});
