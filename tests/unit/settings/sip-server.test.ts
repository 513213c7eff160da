import { describe, expect, it } from 'vitest';
import { AppError } from '@/utils/errors';
import { defaultSipServer, parseSipServer } from '@/utils/settings/sip-server';

describe('parseSipServer', () => {
  it.each(['', '   ', '\n'])('%j → "" (use the default)', (input) => {
    expect(parseSipServer(input)).toBe('');
  });

  it.each([
    ['wss://h:8089/ws', 'wss://h:8089/ws'],
    ['wss://pbx.example.com:8089/ws', 'wss://pbx.example.com:8089/ws'],
    ['ws://127.0.0.1:8088/ws', 'ws://127.0.0.1:8088/ws'],
    ['  wss://pbx.example.com/ws  ', 'wss://pbx.example.com/ws'],
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
    let caught: unknown;
    try {
      parseSipServer(input);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).key).toBe('errorSipServerInvalid');
  });
});

describe('defaultSipServer', () => {
  it("is uContact's WebSocket endpoint on port 8089", () => {
    expect(defaultSipServer('acme.ucontactcloud.com')).toBe('wss://acme.ucontactcloud.com:8089/ws');
    expect(defaultSipServer('pbx.example.com')).toBe('wss://pbx.example.com:8089/ws');
  });
});
