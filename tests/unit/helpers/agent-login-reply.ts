/** uContact AgentLogin reply fields, as the real server sends them (values are test data). */
export const GOOD_REPLY = {
  name: '1997',
  host: 'acme.ucontactcloud.com',
  transport: 'wss',
  md5secret: '0123456789abcdef0123456789abcdef',
  secret: 'sip-secret-value',
  callerid: '"Ada Lovelace" <1997>',
  fullname: 'Ada Lovelace',
  token: 'YWRhOjEyMzQ1Njc4LTEyMzQtMTIzNC0xMjM0LTEyMzQ1Njc4OWFiYw==',
  allow: 'alaw;ulaw',
  dtmfmode: 'rfc2833',
  context: 'from-agents',
} as const;

/** A JSON body built from the good reply with some fields replaced (or removed with `undefined`). */
export function replyBody(overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({ ...GOOD_REPLY, ...overrides });
}
