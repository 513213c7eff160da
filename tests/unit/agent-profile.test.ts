import { describe, expect, it } from 'vitest';
import { AppError } from '@/utils/errors';
import { parseAgentLogin, type AgentProfile } from '@/utils/ucontact/agent-profile';
import { GOOD_REPLY, replyBody } from './helpers/agent-login-reply';

function refusalKey(body: string): string {
  try {
    parseAgentLogin(body);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).key;
  }
  throw new Error(`parseAgentLogin(${JSON.stringify(body)}) was accepted`);
}

describe('parseAgentLogin', () => {
  it('maps a good reply to the typed profile', () => {
    const expected: AgentProfile = {
      extension: GOOD_REPLY.name,
      sipHost: GOOD_REPLY.host,
      transport: GOOD_REPLY.transport,
      fullName: GOOD_REPLY.fullname,
      callerId: GOOD_REPLY.callerid,
      md5secret: GOOD_REPLY.md5secret,
      secret: GOOD_REPLY.secret,
      token: GOOD_REPLY.token,
      codecs: ['alaw', 'ulaw'],
      dtmfMode: GOOD_REPLY.dtmfmode,
      context: GOOD_REPLY.context,
    };
    expect(parseAgentLogin(replyBody())).toEqual(expected);
  });

  it('keeps other values as they come (nothing is hard-wired)', () => {
    const profile = parseAgentLogin(
      replyBody({
        name: 'agent_7',
        host: 'pbx.example.com',
        transport: 'ws',
        fullname: 'Grace Hopper',
        callerid: '42',
        md5secret: 'FEDCBA9876543210FEDCBA9876543210',
        secret: 'other',
        token: 'dG9rZW4=',
        allow: 'opus, g722;ulaw',
        dtmfmode: 'info',
        context: 'outbound-7',
      }),
    );
    expect(profile).toEqual({
      extension: 'agent_7',
      sipHost: 'pbx.example.com',
      transport: 'ws',
      fullName: 'Grace Hopper',
      callerId: '42',
      md5secret: 'fedcba9876543210fedcba9876543210',
      secret: 'other',
      token: 'dG9rZW4=',
      codecs: ['opus', 'g722', 'ulaw'],
      dtmfMode: 'info',
      context: 'outbound-7',
    });
  });

  it('accepts name as a JSON number', () => {
    expect(parseAgentLogin(replyBody({ name: 1997 })).extension).toBe('1997');
    expect(parseAgentLogin(replyBody({ name: 42 })).extension).toBe('42');
  });

  it('fills defaults when optional fields are absent', () => {
    const profile = parseAgentLogin(
      JSON.stringify({ name: '1997', host: 'acme.ucontactcloud.com' }),
    );
    expect(profile).toEqual({
      extension: '1997',
      sipHost: 'acme.ucontactcloud.com',
      transport: 'wss',
      fullName: '1997',
      callerId: '',
      md5secret: '',
      secret: '',
      token: '',
      codecs: [],
      dtmfMode: 'rfc2833',
      context: '',
    });
  });

  it('accepts a UTF-8 BOM and surrounding whitespace before good JSON', () => {
    expect(parseAgentLogin(`\uFEFF${replyBody()}`).extension).toBe('1997');
    expect(parseAgentLogin(`\r\n  ${replyBody()}  \n`).extension).toBe('1997');
  });

  it('keeps a full name with HTML or script as plain text', () => {
    const fullname = "<img src=x onerror=alert(1)><script>alert('x')</script> & Co";
    expect(parseAgentLogin(replyBody({ fullname })).fullName).toBe(fullname);
  });

  it('cleans the full name before it becomes the SIP display name: no CR/LF, quotes or bidi overrides', () => {
    const fullname = 'Ada "Boss"\\\r\nVia: SIP/2.0/WS evil\u0000 \u202Eretsis';
    expect(parseAgentLogin(replyBody({ fullname })).fullName).toBe(
      'Ada Boss Via: SIP/2.0/WS evil retsis',
    );
  });

  it('keeps accents, CJK and emoji, and bounds an over-long full name', () => {
    expect(parseAgentLogin(replyBody({ fullname: 'María Gómez 王 👋🏽' })).fullName).toBe(
      'María Gómez 王 👋🏽',
    );
    const long = parseAgentLogin(replyBody({ fullname: 'x'.repeat(5_000) })).fullName;
    expect(long).toHaveLength(64);
  });

  it('falls back to the extension when the full name is nothing but invisible characters', () => {
    expect(parseAgentLogin(replyBody({ fullname: '\u200B\u202E\r\n"' })).fullName).toBe('1997');
  });

  it('treats wrong-typed optional fields as empty, never "[object Object]"', () => {
    const profile = parseAgentLogin(
      replyBody({
        transport: { a: 1 },
        fullname: { first: 'Ada' },
        callerid: ['1997'],
        md5secret: 12345,
        secret: { s: 1 },
        token: true,
        allow: ['alaw'],
        dtmfmode: {},
        context: 42,
      }),
    );
    expect(profile).toEqual({
      extension: '1997',
      sipHost: GOOD_REPLY.host,
      transport: 'wss',
      fullName: '1997',
      callerId: '',
      md5secret: '',
      secret: '',
      token: '',
      codecs: [],
      dtmfMode: 'rfc2833',
      context: '',
    });
    expect(JSON.stringify(profile)).not.toContain('[object');
  });

  describe('failure bodies', () => {
    it.each(['0', 'Error', '"0"', '"Error"', ' 0\n', 'error', 'ERROR', 'null', '\uFEFF0', 'false'])(
      '%j → errorBadCredentials',
      (body) => {
        expect(refusalKey(body)).toBe('errorBadCredentials');
      },
    );

    it.each(['', ' ', '\n\t  \r\n', '\uFEFF'])('%j → errorEmptyReply', (body) => {
      expect(refusalKey(body)).toBe('errorEmptyReply');
    });

    it.each([
      ['an HTML page', '<!DOCTYPE html><html><body><h1>Login</h1></body></html>'],
      ['plain text', 'Service Unavailable'],
      ['truncated JSON', replyBody().slice(0, 40)],
      ['a JSON array', JSON.stringify([GOOD_REPLY])],
      ['a JSON string', '"hello"'],
      ['a number other than 0', '1'],
      ['a negative number', '-1'],
      ['true', 'true'],
    ])('%s → errorUnexpectedReply', (_label, body) => {
      expect(refusalKey(body)).toBe('errorUnexpectedReply');
    });
  });

  describe('incomplete profiles → errorProfileIncomplete', () => {
    it.each([
      ['no name', replyBody({ name: undefined })],
      ['empty name', replyBody({ name: '' })],
      ['blank name', replyBody({ name: '   ' })],
      ['name as an object', replyBody({ name: { id: 1997 } })],
      ['name as null', replyBody({ name: null })],
      ['name as a fraction', replyBody({ name: 19.97 })],
      ['negative name', replyBody({ name: -5 })],
      ['name with SIP syntax', replyBody({ name: '1@evil' })],
      ['name with a parameter', replyBody({ name: '1997;transport=tcp' })],
      ['name with a colon', replyBody({ name: 'sip:1997' })],
      ['name with a space', replyBody({ name: '19 97' })],
      ['no host', replyBody({ host: undefined })],
      ['empty host', replyBody({ host: '' })],
      ['host with a space and semicolon', replyBody({ host: 'evil host;' })],
      ['host with a path', replyBody({ host: 'evil.com/x' })],
      ['host as a number', replyBody({ host: 10 })],
      ['md5secret too short', replyBody({ md5secret: 'abc123' })],
      ['md5secret not hex', replyBody({ md5secret: 'z'.repeat(32) })],
      ['md5secret too long', replyBody({ md5secret: 'a'.repeat(33) })],
      ['an empty object', '{}'],
    ])('%s', (_label, body) => {
      expect(refusalKey(body)).toBe('errorProfileIncomplete');
    });
  });
});
