import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SIP_REALM, sipCredential } from '@/utils/background/session/sip-credential';
import type { AgentProfile } from '@/utils/ucontact/agent-profile';

function md5(text: string): string {
  return createHash('md5').update(text, 'utf8').digest('hex');
}

function profile(overrides: Partial<AgentProfile> = {}): AgentProfile {
  return {
    extension: '1997',
    sipHost: 'acme.ucontactcloud.com',
    transport: 'wss',
    fullName: 'Ada',
    callerId: '1997',
    md5secret: '',
    secret: '',
    token: 't',
    codecs: [],
    dtmfMode: 'rfc2833',
    context: '',
    ...overrides,
  };
}

describe('sipCredential', () => {
  it("uses the server's md5secret as HA1 when present, even with a secret", () => {
    const md5secret = md5('1997:asterisk:server-side');
    expect(sipCredential(profile({ md5secret, secret: 'plain' }), 'agent-password')).toEqual({
      kind: 'ha1',
      value: md5secret,
    });
  });

  it('falls back to the SIP secret as a password', () => {
    expect(sipCredential(profile({ secret: 'plain-sip-secret' }), 'agent-password')).toEqual({
      kind: 'password',
      value: 'plain-sip-secret',
    });
  });

  it('else derives HA1 = md5(extension:asterisk:password), never keeping the password', () => {
    expect(SIP_REALM).toBe('asterisk');
    const credential = sipCredential(profile(), 'agent-password');
    expect(credential).toEqual({ kind: 'ha1', value: md5('1997:asterisk:agent-password') });
    expect(credential.value).not.toContain('agent-password');
  });

  it.each([
    ['another extension', 'agent_7', 's3cret'],
    ['a non-ASCII password', '1997', 'contraseña-ação'],
    ['an astral-plane password', '1997', 'pass🎧word'],
    ['a long password (several MD5 blocks)', '1997', 'x'.repeat(150)],
  ])('derives the same HA1 as node:crypto for %s', (_label, extension, password) => {
    expect(sipCredential(profile({ extension }), password).value).toBe(
      md5(`${extension}:asterisk:${password}`),
    );
  });
});
