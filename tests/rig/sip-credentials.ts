import { createHash } from 'node:crypto';

/** uContact's SIP realm (Asterisk's default), used by the fake API and by Kamailio alike. */
export const SIP_REALM = 'asterisk';

/** Digest HA1 = MD5(user:realm:password): what uContact returns as `md5secret`. */
export function ha1(user: string, password: string, realm = SIP_REALM): string {
  return createHash('md5').update(`${user}:${realm}:${password}`).digest('hex');
}
