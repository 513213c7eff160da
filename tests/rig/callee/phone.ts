/**
 * The far-end phone: a plain sip.js UserAgent in an ordinary page, driven by tests through
 * `window.callee`. Bundled for the browser by ../callee-bundle.ts.
 */
import {
  Invitation,
  Inviter,
  Registerer,
  RegistererState,
  Session,
  SessionState,
  UserAgent,
  Web,
  type SessionDescriptionHandlerFactory,
} from 'sip.js';
import type {
  CallState,
  CalleeApi,
  CalleeRegisterOptions,
  CalleeState,
  CalleeStats,
  InviteInfo,
  MediaDirection,
  RegisterOutcome,
} from './api';
import { prepareRtpDtmf, startRtpDtmfListener } from './rtp-dtmf';

const AUDIO_ONLY: Web.SessionDescriptionHandlerOptions = {
  constraints: { audio: true, video: false },
};

let ua: UserAgent | undefined;
let registerer: Registerer | undefined;
let domain = '';
/** Whether a REFER makes this phone call its Refer-To target (off: accepted and recorded only). */
let followRefers = false;
let session: Session | undefined;
const invites: InviteInfo[] = [];
let invitesTaken = 0;
const changed = new Set<() => void>();
const status: CalleeState = {
  registration: 'unregistered',
  call: 'idle',
  lastCallCode: 0,
  byeReceived: false,
  reinviteDirections: [],
  dtmf: [],
  referTo: [],
  rtpDtmfSupported: false,
};

const notify = (): void => changed.forEach((wake) => wake());

function until(done: () => boolean, timeoutMs: number, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = (): void => {
      if (!done()) return;
      cleanup();
      resolve();
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(
        new Error(`callee: ${what} not reached within ${timeoutMs} ms (${JSON.stringify(status)})`),
      );
    }, timeoutMs);
    const cleanup = (): void => {
      clearTimeout(timer);
      changed.delete(check);
    };
    changed.add(check);
    check();
  });
}

const onRtpDigit = (digit: string): void => {
  status.dtmf.push({ digit, via: 'rtp' });
  notify();
};

/**
 * Every peer connection gets the RFC 4733 listener on its audio receiver. sip.js adds the local
 * track before applying the remote description; Chromium 156 then ignores a transform set in the
 * `track` event (no frames ever reach it), so it is set as soon as addTrack creates the receiver.
 */
const baseFactory = Web.defaultSessionDescriptionHandlerFactory();
const sdhFactory: SessionDescriptionHandlerFactory = (s, options) => {
  const sdh = baseFactory(s, options) as Web.SessionDescriptionHandler;
  const pc = sdh.peerConnection;
  if (!pc) return sdh;
  const addTrack = pc.addTrack.bind(pc);
  pc.addTrack = (track, ...streams) => {
    const sender = addTrack(track, ...streams);
    const receiver = pc.getTransceivers().find((t) => t.sender === sender)?.receiver;
    if (receiver) startRtpDtmfListener(receiver, onRtpDigit);
    return sender;
  };
  // Remote audio without a local track of ours (rare): the track event is the only hook.
  pc.addEventListener('track', (event) => startRtpDtmfListener(event.receiver, onRtpDigit));
  return sdh;
};

function mediaDirection(sdp: string): MediaDirection {
  const audio = sdp.split(/\r?\nm=/).find((section) => section.startsWith('audio')) ?? sdp;
  const found = /a=(sendrecv|sendonly|recvonly|inactive)/.exec(audio)?.[1];
  return (found as MediaDirection | undefined) ?? 'sendrecv';
}

function playRemoteAudio(s: Session): void {
  const sdh = s.sessionDescriptionHandler as Web.SessionDescriptionHandler | undefined;
  if (!sdh) return;
  const audio = document.querySelector('audio') ?? document.body.appendChild(new Audio());
  audio.srcObject = sdh.remoteMediaStream;
  audio.play().catch(() => {
    // Autoplay may be refused; stats do not need playback.
  });
}

/** Tracks one call: its state, BYE, INFO digits, re-INVITE directions, REFERs. */
function adopt(s: Session, initial: CallState): void {
  session = s;
  status.call = initial;
  status.byeReceived = false;
  s.stateChange.addListener((state) => {
    if (session !== s) return;
    if (state === SessionState.Established) {
      status.call = 'established';
      playRemoteAudio(s);
    } else if (state === SessionState.Terminated) {
      status.call = 'terminated';
    }
    notify();
  });
  s.delegate = {
    onBye: (bye) => {
      status.byeReceived = true;
      void bye.accept();
      notify();
    },
    onInfo: (info) => {
      const body = info.request.body;
      const signal = /Signal=\s*([0-9A-D*#])/i.exec(body)?.[1];
      if (signal) status.dtmf.push({ digit: signal.toUpperCase(), via: 'info' });
      void info.accept();
      notify();
    },
    onInvite: (request) => {
      status.reinviteDirections.push(mediaDirection(request.body));
      notify();
    },
    onRefer: (referral) => {
      status.referTo.push(referral.referTo.toString());
      void referral.accept().then(() => {
        if (!followRefers) return;
        // Blind transfer, as a real phone does it: call the Refer-To target ourselves.
        const inviter = referral.makeInviter({ sessionDescriptionHandlerOptions: AUDIO_ONLY });
        adopt(inviter, 'outgoing');
        inviter.invite().catch(() => undefined);
      });
      notify();
    },
  };
}

function onInvite(invitation: Invitation): void {
  const headers: Record<string, string[]> = {};
  for (const [name, values] of Object.entries(invitation.request.headers)) {
    headers[name.toLowerCase()] = values.map((v) => v.raw);
  }
  invites.push({
    requestUriUser: invitation.request.ruri?.user ?? '',
    to: invitation.request.to.uri.toString(),
    from: invitation.remoteIdentity.uri.toString(),
    fromDisplayName: invitation.remoteIdentity.displayName,
    headers,
    sdp: invitation.request.body,
  });
  adopt(invitation, 'incoming');
  // A real phone rings: the caller sees 180.
  invitation.progress().catch(() => undefined);
  notify();
}

async function register(o: CalleeRegisterOptions): Promise<RegisterOutcome> {
  await stop();
  domain = o.domain;
  const uri = UserAgent.makeURI(`sip:${o.user}@${o.domain}`);
  if (!uri) throw new Error(`callee: bad user/domain ${o.user}@${o.domain}`);
  ua = new UserAgent({
    uri,
    displayName: o.displayName ?? o.user,
    // Contact user = SIP user, so a request-URI rewritten by the registrar still names this phone.
    contactName: o.user,
    transportOptions: { server: o.wsUrl },
    authorizationUsername: o.user,
    authorizationHa1: o.ha1,
    authorizationPassword: o.password,
    logLevel: 'error',
    sessionDescriptionHandlerFactory: sdhFactory,
    sessionDescriptionHandlerFactoryOptions: { peerConnectionConfiguration: { iceServers: [] } },
    delegate: { onInvite },
  });
  await ua.start();
  const reg = new Registerer(ua, { expires: o.expires ?? 600 });
  registerer = reg;
  reg.stateChange.addListener((state) => {
    if (state === RegistererState.Registered) status.registration = 'registered';
    else if (state === RegistererState.Unregistered && status.registration === 'registered') {
      status.registration = 'unregistered';
    }
    notify();
  });
  return new Promise<RegisterOutcome>((resolve) => {
    reg
      .register({
        requestDelegate: {
          onAccept: () => resolve({ registered: true, code: 200 }),
          onReject: (response) => {
            status.registration = 'failed';
            notify();
            resolve({ registered: false, code: response.message.statusCode ?? 0 });
          },
        },
      })
      .catch(() => resolve({ registered: false, code: 0 }));
  });
}

async function unregister(): Promise<void> {
  const reg = registerer;
  if (!reg || reg.state !== RegistererState.Registered) return;
  await new Promise<void>((resolve) => {
    // A connection the server already cut never answers: do not wait out SIP's 32 s for it.
    setTimeout(resolve, 2_000);
    reg
      .unregister({ requestDelegate: { onAccept: () => resolve(), onReject: () => resolve() } })
      .catch(() => resolve());
  });
  status.registration = 'unregistered';
  notify();
}

async function stop(): Promise<void> {
  await unregister();
  // sip.js waits out a REGISTER lost with a dead connection (32 s) before it stops: do not.
  await Promise.race([ua?.stop(), new Promise((resolve) => setTimeout(resolve, 2_000))]);
  ua = undefined;
  registerer = undefined;
}

async function call(target: string, options: { extraHeaders?: string[] } = {}): Promise<void> {
  if (!ua) throw new Error('callee: register first');
  const uri = UserAgent.makeURI(`sip:${target}@${domain}`);
  if (!uri) throw new Error(`callee: bad target ${target}`);
  const inviter = new Inviter(ua, uri, {
    extraHeaders: options.extraHeaders,
    sessionDescriptionHandlerOptions: AUDIO_ONLY,
  });
  adopt(inviter, 'outgoing');
  status.lastCallCode = 0;
  await inviter.invite({
    requestDelegate: {
      onAccept: (response) => {
        status.lastCallCode = response.message.statusCode ?? 0;
        notify();
      },
      onReject: (response) => {
        status.lastCallCode = response.message.statusCode ?? 0;
        notify();
      },
    },
  });
}

async function hangup(): Promise<void> {
  const s = session;
  if (!s) return;
  if (s.state === SessionState.Established) await s.bye();
  else if (s instanceof Inviter && s.state === SessionState.Establishing) await s.cancel();
  else if (s instanceof Invitation && s.state === SessionState.Initial) await s.reject();
}

async function sendDtmf(tones: string, via: 'rtp' | 'info' = 'rtp'): Promise<void> {
  const s = session;
  if (s?.state !== SessionState.Established) throw new Error('callee: no call for DTMF');
  if (via === 'rtp') {
    const sdh = s.sessionDescriptionHandler as Web.SessionDescriptionHandler | undefined;
    if (!sdh?.sendDtmf(tones)) throw new Error('callee: DTMF not sent (no DTMF sender)');
    return;
  }
  for (const tone of tones) {
    const content = `Signal=${tone}\r\nDuration=160\r\n`;
    await s.info({
      requestOptions: {
        body: { contentDisposition: 'render', contentType: 'application/dtmf-relay', content },
      },
    });
  }
}

async function stats(): Promise<CalleeStats> {
  const result: CalleeStats = {
    bytesReceived: 0,
    packetsReceived: 0,
    bytesSent: 0,
    packetsSent: 0,
    inboundAudioLevel: 0,
    totalInboundAudioEnergy: 0,
    outboundAudioLevel: 0,
  };
  const sdh = session?.sessionDescriptionHandler as Web.SessionDescriptionHandler | undefined;
  const pc = sdh?.peerConnection;
  if (!pc) return result;
  (await pc.getStats()).forEach((report: Record<string, unknown>) => {
    if (report.kind !== 'audio') return;
    const n = (key: string): number =>
      typeof report[key] === 'number' ? (report[key] as number) : 0;
    if (report.type === 'inbound-rtp') {
      result.bytesReceived += n('bytesReceived');
      result.packetsReceived += n('packetsReceived');
      result.inboundAudioLevel = Math.max(result.inboundAudioLevel, n('audioLevel'));
      result.totalInboundAudioEnergy += n('totalAudioEnergy');
    } else if (report.type === 'outbound-rtp') {
      result.bytesSent += n('bytesSent');
      result.packetsSent += n('packetsSent');
    } else if (report.type === 'media-source') {
      result.outboundAudioLevel = Math.max(result.outboundAudioLevel, n('audioLevel'));
    }
  });
  return result;
}

const api: CalleeApi = {
  register,
  unregister,
  stop,
  waitForInvite: async (timeoutMs = 10_000) => {
    await until(() => invites.length > invitesTaken, timeoutMs, 'INVITE');
    const next = invites[invitesTaken++];
    if (!next) throw new Error('callee: INVITE vanished');
    return next;
  },
  answer: async () => {
    if (!(session instanceof Invitation)) throw new Error('callee: no incoming call to answer');
    await session.accept({ sessionDescriptionHandlerOptions: AUDIO_ONLY });
  },
  decline: async (code = 486) => {
    if (!(session instanceof Invitation)) throw new Error('callee: no incoming call to decline');
    await session.reject({ statusCode: code });
  },
  call,
  hangup,
  sendDtmf,
  hold: async (held) => {
    const s = session;
    if (s?.state !== SessionState.Established) throw new Error('callee: no call to hold');
    // Resolves when the re-INVITE transaction ends, so tests can hold and resume back to back.
    const sdhOptions: Web.SessionDescriptionHandlerOptions = { ...AUDIO_ONLY, hold: held };
    await new Promise<void>((resolve, reject) => {
      s.invite({
        sessionDescriptionHandlerOptions: sdhOptions,
        requestDelegate: {
          onAccept: () => resolve(),
          onReject: (r) => reject(new Error(`callee: re-INVITE got ${r.message.statusCode}`)),
        },
      }).catch(reject);
    });
  },
  waitForCallState: (state, timeoutMs = 10_000) =>
    until(() => status.call === state, timeoutMs, `call state ${state}`),
  state: () => structuredClone(status),
  stats,
  followRefers: (enabled) => {
    followRefers = enabled;
  },
};

// window.callee appears only when the phone is fully ready; the Node side waits for it.
void prepareRtpDtmf().then((supported) => {
  status.rtpDtmfSupported = supported;
  (window as unknown as { callee: CalleeApi }).callee = api;
});
