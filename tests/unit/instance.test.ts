import { describe, expect, it } from 'vitest';
import { AppError } from '@/utils/errors';
import type { MessageKey } from '@/utils/i18n';
import { isLoopbackHost, parseInstance } from '@/utils/ucontact/instance';

function refusal(input: string): AppError {
  try {
    parseInstance(input);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error(`parseInstance(${JSON.stringify(input)}) was accepted`);
}

describe('parseInstance', () => {
  describe('bare instance names become ucontactcloud.com origins', () => {
    it.each([
      ['acme', 'https://acme.ucontactcloud.com'],
      ['ACME', 'https://acme.ucontactcloud.com'],
      ['Acme-2', 'https://acme-2.ucontactcloud.com'],
      ['acme-2', 'https://acme-2.ucontactcloud.com'],
      ['  acme\t', 'https://acme.ucontactcloud.com'],
    ])('%j → %s', (input, origin) => {
      expect(parseInstance(input)).toEqual({ origin, isCloud: true });
    });
  });

  describe('host names', () => {
    it.each([
      ['acme.ucontactcloud.com', 'https://acme.ucontactcloud.com', true],
      ['ACME.UContactCloud.com', 'https://acme.ucontactcloud.com', true],
      ['pbx.example.com', 'https://pbx.example.com', false],
      ['pbx.example.com:8443', 'https://pbx.example.com:8443', false],
      [' pbx.example.com \n', 'https://pbx.example.com', false],
      ['pbx.example.com/', 'https://pbx.example.com', false],
      ['10.1.2.3', 'https://10.1.2.3', false],
    ])('%j → %s (cloud: %s)', (input, origin, isCloud) => {
      expect(parseInstance(input)).toEqual({ origin, isCloud });
    });

    it('does not treat the bare cloud domain or a look-alike as a cloud instance', () => {
      expect(parseInstance('ucontactcloud.com')).toEqual({
        origin: 'https://ucontactcloud.com',
        isCloud: false,
      });
      expect(parseInstance('acme.ucontactcloud.com.evil.com')).toEqual({
        origin: 'https://acme.ucontactcloud.com.evil.com',
        isCloud: false,
      });
      expect(parseInstance('evilucontactcloud.com').isCloud).toBe(false);
    });
  });

  describe('full origins', () => {
    it.each([
      ['https://pbx.example.com:8443', 'https://pbx.example.com:8443', false],
      ['https://pbx.example.com:8443/', 'https://pbx.example.com:8443', false],
      ['https://pbx.example.com/', 'https://pbx.example.com', false],
      ['HTTPS://PBX.example.com', 'https://pbx.example.com', false],
      ['https://acme.ucontactcloud.com', 'https://acme.ucontactcloud.com', true],
      ['https://acme.ucontactcloud.com/', 'https://acme.ucontactcloud.com', true],
      // Only the default port counts as cloud; any other port goes through the self-hosted permission path.
      ['https://acme.ucontactcloud.com:8443', 'https://acme.ucontactcloud.com:8443', false],
      ['  https://pbx.example.com  ', 'https://pbx.example.com', false],
    ])('%j → %s (cloud: %s)', (input, origin, isCloud) => {
      expect(parseInstance(input)).toEqual({ origin, isCloud });
    });
  });

  describe('http is refused except on loopback', () => {
    it.each([
      'http://pbx.example.com',
      'http://pbx.example.com:8080',
      'http://acme.ucontactcloud.com',
      'http://10.0.0.5',
      'http://127.0.0.1.evil.example',
      'http://localhost.evil.example',
    ])('%j → errorInstanceInsecure', (input) => {
      const error = refusal(input);
      expect(error.key).toBe('errorInstanceInsecure');
      expect(error.substitutions).toEqual([input]);
    });

    it.each([
      ['http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
      ['http://localhost:8080', 'http://localhost:8080'],
      ['http://localhost', 'http://localhost'],
      ['http://[::1]:8080', 'http://[::1]:8080'],
      ['http://127.8.9.10:8080', 'http://127.8.9.10:8080'],
    ])('%j is accepted as %s', (input, origin) => {
      expect(parseInstance(input)).toEqual({ origin, isCloud: false });
    });
  });

  describe('refusals', () => {
    it.each(['', '   ', '\t\n'])('%j → errorInstanceEmpty', (input) => {
      expect(refusal(input).key).toBe('errorInstanceEmpty');
    });

    const invalid: string[] = [
      // paths
      'https://pbx.example.com/Integra',
      'pbx.example.com/Integra/resources',
      'acme/x',
      // queries and fragments
      'https://pbx.example.com/?x=1',
      'pbx.example.com?x=1',
      'https://pbx.example.com#top',
      // credentials in the URL
      'https://user:pw@pbx.example.com',
      'user@pbx.example.com',
      // other schemes
      'ftp://x.com',
      'ws://pbx.example.com',
      'file:///etc/passwd',
      // not host names
      'acme..com',
      '-acme',
      'acme-',
      'a b',
      'javascript:alert(1)',
      '<script>',
      '<script>alert(1)</script>',
      'https://',
      'acme_corp',
      'acme.com:99999',
    ];
    it.each(invalid)('%j → errorInstanceInvalid', (input) => {
      const error = refusal(input);
      expect(error.key satisfies MessageKey).toBe('errorInstanceInvalid');
      expect(error.substitutions).toEqual([input.trim()]);
    });

    it('quotes the trimmed input in the message', () => {
      const error = refusal('  a b  ');
      expect(error.substitutions).toEqual(['a b']);
    });
  });
});

describe('isLoopbackHost', () => {
  it.each(['localhost', 'LOCALHOST', '127.0.0.1', '127.255.255.254', '[::1]'])(
    '%j is this computer',
    (host) => {
      expect(isLoopbackHost(host)).toBe(true);
    },
  );

  it.each([
    '127.0.0.1.evil.example',
    'localhost.evil.example',
    'mylocalhost',
    '128.0.0.1',
    '10.0.0.1',
    '[::2]',
    '[::ffff:7f00:1]',
    '',
  ])('%j is not', (host) => {
    expect(isLoopbackHost(host)).toBe(false);
  });
});
