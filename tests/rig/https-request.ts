import { request } from 'node:https';
import type { IncomingHttpHeaders } from 'node:http';
import { rigCertificate } from './certs';

export interface HttpReply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  elapsedMs: number;
}

export interface RigRequestOptions {
  /** Host name the certificate is checked against (SNI too); the connection always goes to 127.0.0.1. */
  servername?: string;
  port?: number;
  method?: string;
  form?: Record<string, string>;
  headers?: Record<string, string>;
  timeoutMs?: number;
}

/**
 * An HTTPS request from Node to a rig server on loopback, trusting only the rig certificate. Node has
 * no DNS inside the test namespace, so the production host name is given for TLS, not resolved.
 */
export function rigRequest(path: string, options: RigRequestOptions = {}): Promise<HttpReply> {
  const started = Date.now();
  const body = options.form ? new URLSearchParams(options.form).toString() : undefined;
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: options.port ?? 443,
        path,
        method: options.method ?? (body === undefined ? 'GET' : 'POST'),
        servername: options.servername ?? 'acme.ucontactcloud.com',
        ca: rigCertificate().cert,
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/x-www-form-urlencoded' }),
          ...options.headers,
        },
        timeout: options.timeoutMs ?? 10_000,
        // A fresh connection each time: a pooled keep-alive socket to a server a spec just closed
        // (the next describe opens another on the same port) fails the next request with a hang-up.
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
            elapsedMs: Date.now() - started,
          }),
        );
      },
    );
    req.on('timeout', () =>
      req.destroy(new Error(`timeout after ${options.timeoutMs ?? 10_000} ms`)),
    );
    req.on('error', reject);
    req.end(body);
  });
}
