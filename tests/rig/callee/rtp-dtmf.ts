/**
 * Reads RFC 4733 telephone-events (what sip.js sends for `dtmfmode=rfc2833`) off an audio receiver.
 * Browsers do not surface received DTMF, but an RTCRtpScriptTransform sees every encoded frame,
 * telephone-event ones included, with their mime type and RTP timestamp.
 */

// Runs in a worker; plain JS so it needs no bundling. Frames pass through untouched.
const WORKER_SOURCE = `
const EVENTS = '0123456789*#ABCD';
postMessage({ ready: true });
onrtctransform = (event) => {
  const { readable, writable, options } = event.transformer;
  const seen = new Set();
  readable.pipeThrough(new TransformStream({
    transform(frame, controller) {
      const meta = frame.getMetadata();
      if (meta.mimeType === 'audio/telephone-event' && frame.data.byteLength >= 4) {
        const code = new Uint8Array(frame.data)[0];
        // One event spans several packets sharing an RTP timestamp: report it once.
        const key = meta.rtpTimestamp ?? frame.timestamp;
        if (!seen.has(key) && code < EVENTS.length) {
          seen.add(key);
          postMessage({ channel: options.channel, digit: EVENTS[code] });
        }
      }
      controller.enqueue(frame);
    },
  })).pipeTo(writable);
};
`;

let worker: Worker | undefined;
let nextChannel = 0;
const listeners = new Map<number, (digit: string) => void>();

type WorkerMessage = { ready: true } | { channel: number; digit: string };

/**
 * Starts the worker and resolves once its script has run: an rtctransform event that arrives
 * before the worker has set its handler is lost, and with it every digit of that call.
 */
export function prepareRtpDtmf(): Promise<boolean> {
  if (typeof RTCRtpScriptTransform !== 'function') return Promise.resolve(false);
  const url = URL.createObjectURL(new Blob([WORKER_SOURCE], { type: 'text/javascript' }));
  const started = new Worker(url);
  return new Promise((resolve) => {
    started.onmessage = (event: MessageEvent<WorkerMessage>) => {
      const message = event.data;
      if ('ready' in message) {
        worker = started;
        resolve(true);
      } else {
        listeners.get(message.channel)?.(message.digit);
      }
    };
    started.onerror = () => resolve(false);
  });
}

/** Reports the digits arriving on `receiver`; a no-op unless prepareRtpDtmf() succeeded. */
export function startRtpDtmfListener(
  receiver: RTCRtpReceiver,
  onDigit: (digit: string) => void,
): void {
  if (!worker || receiver.transform || receiver.track.kind !== 'audio') return;
  const channel = nextChannel++;
  listeners.set(channel, onDigit);
  receiver.transform = new RTCRtpScriptTransform(worker, { channel });
}
