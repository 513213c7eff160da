import { describe, expect, it } from 'vitest';
import { phoneConfig } from '@/utils/background/phone-config';
import type { Credentials } from '@/utils/session-storage';
import { DEFAULT_SETTINGS } from '@/utils/settings/settings';
import type { AgentInfo } from '@/utils/storage';

const AGENT: AgentInfo = {
  origin: 'https://acme.ucontactcloud.com',
  agent: 'ada',
  fullName: 'Ada Lovelace',
  extension: '1997',
  sipHost: 'acme.ucontactcloud.com',
  callerId: '',
  dtmfMode: 'rfc2833',
  codecs: [],
  context: '',
};
const CREDENTIALS: Credentials = {
  sipAuth: { kind: 'ha1', value: '0'.repeat(32) },
  token: 't',
  phone: { sessionId: 's1', contactName: 'c', instanceId: 'i' },
};
const server = (sipServer: string) =>
  phoneConfig(AGENT, CREDENTIALS, { ...DEFAULT_SETTINGS, sipServer }).account.server;

describe('phoneConfig: the SIP server the phone connects to', () => {
  it("is the instance's wss:// server without an override", () => {
    expect(server('')).toBe('wss://acme.ucontactcloud.com:8089/ws');
  });

  it.each(['wss://pbx.example.com:8089/ws', 'ws://127.0.0.1:8088/ws', 'ws://[::1]/ws'])(
    'is the override %s when it passes the check',
    (override) => {
      expect(server(override)).toBe(override);
    },
  );

  it.each(['ws://pbx.example.com:8088/ws', 'ws://127.0.0.1.evil.example/ws', 'https://x'])(
    'never a stored override that fails it (%s): the default wss:// server instead',
    (stored) => {
      expect(server(stored)).toBe('wss://acme.ucontactcloud.com:8089/ws');
    },
  );
});
