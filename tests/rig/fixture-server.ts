import { readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rigCertificate } from './certs';

const FIXTURES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../fixtures/crm');

/** Port of the CRM fixture server; content-script match patterns ignore ports. */
export const FIXTURE_PORT = 8443;

export interface FixtureServer {
  /** `https://{host}:{port}{path}` for a mapped host. */
  url(host: string, path?: string): string;
  close(): Promise<void>;
}

/**
 * Serves the CRM fixture pages (tests/fixtures/crm/<id>.html) as if from the CRM's own host:
 * `hosts` maps a host name (which Chromium resolves to 127.0.0.1) to a fixture id.
 */
export async function startFixtureServer(
  hosts: Record<string, string>,
  port = FIXTURE_PORT,
): Promise<FixtureServer> {
  const { key, cert } = rigCertificate();
  const server = createServer({ key, cert }, (request, response) => {
    const host = (request.headers.host ?? '').replace(/:\d+$/, '');
    const fixture = hosts[host];
    if (!fixture || request.method !== 'GET') {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('no fixture for this host');
      return;
    }
    const html = readFileSync(join(FIXTURES_DIR, `${fixture}.html`), 'utf8');
    response
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
      .end(html);
  });
  await new Promise<void>((ready, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => ready());
  });
  const actualPort = (server.address() as AddressInfo).port;
  return {
    url: (host, path = '/') => `https://${host}:${actualPort}${path}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
