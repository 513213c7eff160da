import { expect } from 'vitest';

export interface RecordedCall {
  url: string;
  init: RequestInit;
}

/** A fetch stand-in that records each call and answers with `respond`. */
export function recordingFetch(
  respond: (call: RecordedCall, index: number) => Response | Promise<Response>,
) {
  const calls: RecordedCall[] = [];
  const fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const call = { url: String(input), init };
    calls.push(call);
    return respond(call, calls.length - 1);
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

/** Form fields of a recorded request body. */
export function formOf(call: RecordedCall): Record<string, string> {
  expect(typeof call.init.body).toBe('string');
  return Object.fromEntries(new URLSearchParams(call.init.body as string));
}

/** Headers of a recorded request, names lower-cased. */
export function headersOf(call: RecordedCall): Record<string, string> {
  const headers: Record<string, string> = {};
  new Headers(call.init.headers).forEach((value, name) => {
    headers[name.toLowerCase()] = value;
  });
  return headers;
}

/** Settles like fetch does when its signal aborts: never before. */
export function untilAborted(signal: AbortSignal | null | undefined): Promise<never> {
  return new Promise((_resolve, reject) => {
    if (!signal) return; // never settles: the test would time out, which is a failure
    if (signal.aborted) reject(signal.reason);
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

/** A fetch that only settles (rejecting) when its signal aborts. */
export function hangingFetch() {
  return recordingFetch((call) => untilAborted(call.init.signal));
}

/** A body delivered in the given chunks, recording whether the reader cancelled it. */
export function chunkedBody(chunks: Uint8Array[]) {
  const state = { cancelled: false, pulled: 0 };
  let index = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[index++];
      if (chunk) {
        state.pulled += 1;
        controller.enqueue(chunk);
      } else {
        controller.close();
      }
    },
    cancel() {
      state.cancelled = true;
    },
  });
  return { stream, state };
}

export function textResponse(body: string, init: ResponseInit = {}): Response {
  return new Response(body, { status: 200, headers: { 'Content-Type': 'text/plain' }, ...init });
}
