import { describe, expect, it } from 'vitest';
import { AppError } from '@/utils/errors';
import { defaultSipServer, parseSipServer } from '@/utils/settings/sip-server';

/** The AppError `parseSipServer(input)` throws. */
function refusal(input: string): AppError {
  try {
    parseSipServer(input);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error(`${input} was accepted`);
}

describe('parseSipServer', () => {
  it.each(['', '   ', '\n'])('%j → "" (use the default)', (input) => {
    expect(parseSipServer(input)).toBe('');
  });

  it.each([
    ['wss://h:8089/ws', 'wss://h:8089/ws'],
    ['wss://pbx.example.com:8089/ws', 'wss://pbx.example.com:8089/ws'],
    ['wss://203.0.113.7:8089/ws', 'wss://203.0.113.7:8089/ws'],
    ['  wss://pbx.example.com/ws  ', 'wss://pbx.example.com/ws'],
    // ws:// only to this computer: localhost, [::1], 127.0.0.0/8.
    ['ws://127.0.0.1:8080/ws', 'ws://127.0.0.1:8080/ws'],
    ['ws://127.10.20.30/ws', 'ws://127.10.20.30/ws'],
    ['ws://127.1:8088/ws', 'ws://127.0.0.1:8088/ws'],
    ['ws://[::1]/ws', 'ws://[::1]/ws'],
    ['ws://[0:0:0:0:0:0:0:1]:8088/ws', 'ws://[::1]:8088/ws'],
    ['ws://localhost', 'ws://localhost/'],
    ['WS://LOCALHOST:8088/ws', 'ws://localhost:8088/ws'],
  ])('%j → %s', (input, expected) => {
    expect(parseSipServer(input)).toBe(expected);
  });

  it.each([
    'https://x',
    'http://pbx.example.com:8089/ws',
    'wss://user:pw@h/ws',
    'wss://user@h/ws',
    'not a url',
    'h:8089',
    'sip:1997@h',
  ])('%j → errorSipServerInvalid', (input) => {
    expect(refusal(input).key).toBe('errorSipServerInvalid');
  });

  it.each([
    ['ws://pbx.example.com', 'pbx.example.com'],
    ['ws://pbx.example.com:8088/ws', 'pbx.example.com:8088'],
    ['ws://127.0.0.1.evil.example/ws', '127.0.0.1.evil.example'],
    ['ws://localhost.evil.example/ws', 'localhost.evil.example'],
    ['ws://evil-localhost/ws', 'evil-localhost'],
    ['ws://10.0.0.5:8088/ws', '10.0.0.5:8088'],
    ['ws://192.168.1.20/ws', '192.168.1.20'],
    ['ws://128.0.0.1/ws', '128.0.0.1'],
    ['ws://[::ffff:127.0.0.1]/ws', '[::ffff:7f00:1]'],
    ['ws://[fe80::1]/ws', '[fe80::1]'],
  ])('%j → errorSipServerInsecure naming %s: ws:// only on this computer', (input, host) => {
    expect(refusal(input).toInfo()).toEqual({
      key: 'errorSipServerInsecure',
      substitutions: [host],
    });
  });
});

describe('defaultSipServer', () => {
  it("is uContact's WebSocket endpoint on port 8089", () => {
    expect(defaultSipServer('acme.ucontactcloud.com')).toBe('wss://acme.ucontactcloud.com:8089/ws');
    expect(defaultSipServer('pbx.example.com')).toBe('wss://pbx.example.com:8089/ws');
  });
});
