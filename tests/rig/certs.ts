import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onProcessExit } from './on-exit';

/** A self-signed certificate for the rig's HTTPS and WSS servers, PEM strings plus files. */
export interface RigCertificate {
  key: string;
  cert: string;
  keyPath: string;
  certPath: string;
}

/** Names the certificate is valid for: production URL shapes mapped to loopback, and loopback itself. */
export const CERT_NAMES = ['*.ucontactcloud.com', 'ucontactcloud.com', 'localhost', '127.0.0.1'];

let cached: RigCertificate | undefined;

/** Makes the certificate once per process (openssl CLI, EC key: generation takes milliseconds). */
export function rigCertificate(): RigCertificate {
  if (cached) return cached;
  const dir = mkdtempSync(join(tmpdir(), 'uct-certs-'));
  onProcessExit(() => rmSync(dir, { recursive: true, force: true }));
  const keyPath = join(dir, 'key.pem');
  const certPath = join(dir, 'cert.pem');
  const subjectAltName = CERT_NAMES.map((name) =>
    /^[\d.]+$/.test(name) ? `IP:${name}` : `DNS:${name}`,
  ).join(',');
  // prettier-ignore
  execFileSync('openssl', [
    'req', '-x509', '-nodes', '-days', '30',
    '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1',
    '-keyout', keyPath, '-out', certPath,
    '-subj', '/CN=*.ucontactcloud.com',
    '-addext', `subjectAltName=${subjectAltName}`,
  ], { stdio: ['ignore', 'ignore', 'pipe'] });
  cached = {
    key: readFileSync(keyPath, 'utf8'),
    cert: readFileSync(certPath, 'utf8'),
    keyPath,
    certPath,
  };
  return cached;
}
