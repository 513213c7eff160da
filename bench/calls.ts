import { createSocket } from 'node:dgram';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import type { Callee } from '../tests/rig/callee';
import { INSTANCE, MARIA, type Environment } from '../tests/e2e/support/environment';
import type { PopupPage } from '../tests/e2e/support/popup-page';
import { CLICK_SETTLE_MS, sleep, waitUntil } from '../tests/e2e/support/wait';
import { attachToTarget, type TargetSession } from '../tests/e2e/support/cdp-target';
import { CRM_HOST } from './detector';
import { median, percentile, row, type Row } from './results';

/** A Salesforce record page (the e2e fixture) served from its production host name. */
const RECORD_URL = `https://${CRM_HOST}/lightning/r/Contact/0035g00000AbCdEAAZ/view`;
const FIXTURE = join(
  dirname(fileURLToPath(import.meta.url)),
  '../tests/fixtures/crm/salesforce.html',
);
const NUMBER = 'Call (415) 555-0123';

interface Mark {
  name: string;
  t: number;
}

/**
 * Instrumentation for the phone host (offscreen document), installed over CDP: timestamps of
 * SIP messages on its WebSocket, getUserMedia, and the peer connection's offer, description and
 * ICE gathering. It only observes; the calls go through unchanged.
 */
function phoneProbe(): void {
  const w = window as unknown as {
    __uctProbe?: { take(): Mark[]; liveTracks(): number };
  };
  if (w.__uctProbe) return;
  const marks: Mark[] = [];
  const tracks: MediaStreamTrack[] = [];
  const mark = (name: string) =>
    marks.push({ name, t: performance.timeOrigin + performance.now() });
  const heard = new WeakSet<WebSocket>();
  const send = WebSocket.prototype.send;
  WebSocket.prototype.send = function (this: WebSocket, data) {
    if (typeof data === 'string') {
      const method = data.slice(0, data.indexOf(' '));
      if (/^(INVITE|ACK|BYE|REGISTER)$/.test(method)) {
        mark(`send ${method}${/\r\n(?:Proxy-)?Authorization:/i.test(data) ? ' auth' : ''}`);
      }
    }
    if (!heard.has(this)) {
      heard.add(this);
      this.addEventListener('message', (event: MessageEvent) => {
        if (typeof event.data !== 'string' || !event.data.startsWith('SIP/2.0 ')) return;
        const cseq = /\r\nCSeq:\s*\d+\s+([A-Z]+)/i.exec(event.data)?.[1] ?? '';
        mark(`recv ${event.data.slice(8, 11)} ${cseq}`);
      });
    }
    return send.call(this, data);
  };
  const devices = navigator.mediaDevices;
  const getUserMedia = devices.getUserMedia.bind(devices);
  devices.getUserMedia = async (constraints) => {
    mark('gum start');
    try {
      const stream = await getUserMedia(constraints);
      tracks.push(...stream.getTracks());
      return stream;
    } finally {
      mark('gum end');
    }
  };
  const proto = RTCPeerConnection.prototype as unknown as Record<
    string,
    (...args: unknown[]) => Promise<unknown>
  >;
  const gathering = new WeakSet<RTCPeerConnection>();
  for (const name of ['createOffer', 'setLocalDescription', 'setRemoteDescription']) {
    const original = proto[name]!;
    proto[name] = async function (this: RTCPeerConnection, ...args: unknown[]) {
      if (name === 'setLocalDescription' && !gathering.has(this)) {
        gathering.add(this);
        this.addEventListener('icegatheringstatechange', () => {
          if (this.iceGatheringState === 'complete') mark('ice complete');
        });
      }
      mark(`${name} start`);
      try {
        return await original.apply(this, args);
      } finally {
        mark(`${name} end`);
      }
    };
  }
  // When the background's phone.dial reaches this document (listeners run in turn, at once).
  const runtime = (
    globalThis as unknown as {
      chrome: {
        runtime: { onMessage: { addListener(listener: (m: unknown) => undefined): void } };
      };
    }
  ).chrome.runtime;
  runtime.onMessage.addListener((message: unknown) => {
    if ((message as { type?: string } | null)?.type === 'phone.dial') mark('dial received');
    return undefined;
  });
  w.__uctProbe = {
    take: () => marks.splice(0),
    liveTracks: () => tracks.filter((track) => track.readyState === 'live').length,
  };
}

/** The far end records when each INVITE arrives on its WebSocket (install before register). */
function calleeProbe(): void {
  const w = window as unknown as { __invites: number[]; WebSocket: typeof WebSocket };
  w.__invites = [];
  const Native = w.WebSocket;
  w.WebSocket = class extends Native {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      this.addEventListener('message', (event: MessageEvent) => {
        if (typeof event.data === 'string' && event.data.startsWith('INVITE ')) {
          w.__invites.push(performance.timeOrigin + performance.now());
        }
      });
    }
  };
}

export function installCalleeProbe(callee: Callee): Promise<void> {
  return callee.page.evaluate(calleeProbe);
}

export async function attachPhoneHost(env: Environment): Promise<TargetSession> {
  const browser = env.browser.context.browser();
  if (!browser) throw new Error('no Browser for the persistent context');
  return attachToTarget(browser, (t) => t.url.endsWith('/offscreen.html'));
}

/** Item 5: popup 'Log in' → `registered`, then Log out, `runs` times (the first also alone). */
export async function measureLogin(
  env: Environment,
  popup: PopupPage,
  runs: number,
): Promise<Row[]> {
  const page = popup.page;
  await page.evaluate(() => {
    const w = window as unknown as { __clickAt: number; __registeredAt: number };
    document.addEventListener(
      'click',
      (event) => {
        if (
          (event.target as Element | null)?.closest?.('button')?.textContent?.trim() === 'Log in'
        ) {
          w.__clickAt = performance.timeOrigin + performance.now();
          w.__registeredAt = 0;
        }
      },
      true,
    );
    new MutationObserver(() => {
      if (
        !w.__registeredAt &&
        document.querySelector('[data-testid="sip-status"][data-state="registered"]')
      ) {
        w.__registeredAt = performance.timeOrigin + performance.now();
      }
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  const total: number[] = [];
  const toApi: number[] = [];
  for (let run = 0; run <= runs; run++) {
    const before = env.ucontact.requests.length;
    await popup.instance.fill(INSTANCE);
    await popup.agent.fill(MARIA.agent);
    await popup.password.fill(MARIA.password);
    await popup.loginButton.click();
    await popup.waitForSipState('registered', 10_000);
    const { clickAt, registeredAt } = await page.evaluate(() => {
      const w = window as unknown as { __clickAt: number; __registeredAt: number };
      return { clickAt: w.__clickAt, registeredAt: w.__registeredAt };
    });
    total.push(registeredAt - clickAt);
    const login = env.ucontact.requests.slice(before).find((r) => r.path.endsWith('/AgentLogin'));
    if (login) toApi.push(login.time - clickAt);
    if (run === runs) break; // stay logged in for the calls
    await popup.logoutButton.click();
    await popup.loginButton.waitFor();
    await sleep(200);
  }
  const [first, ...warm] = total;
  return [
    row({
      name: "popup 'Log in' → registered",
      value: median(warm),
      unit: 'ms',
      goal: { max: 250 },
      runs: warm.length,
      note: `p95 ${Math.round(percentile(warm, 95))} ms; the first login of the session (creates the offscreen document): ${Math.round(first!)} ms`,
    }),
    row({
      name: "popup 'Log in' → AgentLogin request at the server",
      value: median(toApi.slice(1)),
      unit: 'ms',
      runs: toApi.length - 1,
      note: 'the rest is AgentLogin reply, phone start, WebSocket, REGISTER → 401 → REGISTER → 200',
    }),
  ];
}

export async function openRecordPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.route(RECORD_URL, (route) =>
    route.fulfill({ contentType: 'text/html; charset=utf-8', body: readFileSync(FIXTURE, 'utf8') }),
  );
  await page.goto(RECORD_URL);
  await page.evaluate(() => {
    const w = window as unknown as { __clickAt: number; __blockIntent: boolean };
    window.addEventListener(
      'click',
      () => (w.__clickAt = performance.timeOrigin + performance.now()),
      true,
    );
    // A cold call: the pointer's arrival never reaches the button (as with a keyboard shortcut,
    // which shows no intent). The click itself is untouched.
    w.__blockIntent = false;
    window.addEventListener(
      'pointerenter',
      (event) => {
        if (w.__blockIntent) event.stopPropagation();
      },
      true,
    );
  });
  await page.getByRole('button', { name: NUMBER }).first().waitFor();
  return page;
}

/**
 * How the agent reaches the button: `warm`, the pointer rests on it 300 ms before the click (the
 * phone prepares its media meanwhile); `cold`, no intent reaches the phone (blocked, as with a
 * keyboard shortcut); `arrive`, the pointer arrives with the click, so preparing starts with it.
 */
export type Intent = 'warm' | 'cold' | 'arrive';
/** How long the pointer rests on the button before a warm click (the issue asks ≥ 200 ms). */
const WARM_LEAD_MS = 300;

/** The call button's click → the callee answers at once (in its page) → established. */
export async function placeCall(
  crm: Page,
  callee: Callee,
  phoneHost: TargetSession,
  intent: Intent = 'arrive',
): Promise<{ clickAt: number; marks: Mark[]; inviteAtCallee: number }> {
  await phoneHost.evaluate(`(${phoneProbe.toString()})()`);
  await phoneHost.evaluate('window.__uctProbe.take().length');
  await callee.page.evaluate(() => {
    const w = window as unknown as {
      __invites: number[];
      callee: { waitForInvite(ms: number): Promise<unknown>; answer(): Promise<void> };
    };
    w.__invites.length = 0;
    void w.callee.waitForInvite(10_000).then(() => w.callee.answer());
  });
  // A click counts only on a button that has stood still 500 ms (utils/crm/click-guard.ts); the
  // measurement starts at the click itself.
  await sleep(CLICK_SETTLE_MS);
  const button = crm.getByRole('button', { name: NUMBER }).first();
  await crm.mouse.move(1, 1);
  await crm.evaluate(
    (block) => ((window as unknown as { __blockIntent: boolean }).__blockIntent = block),
    intent === 'cold',
  );
  if (intent === 'warm') {
    await button.hover();
    await sleep(WARM_LEAD_MS);
  }
  await button.click();
  const marks = await waitUntil(
    async () => {
      const taken = await phoneHost.evaluate<Mark[]>('window.__uctProbe.take()');
      pendingMarks.push(...taken);
      // The ACK of the 2xx (a 407 is ACKed too, by the transaction layer).
      const ok = pendingMarks.find((m) => m.name === 'recv 200 INVITE');
      const acked = ok && pendingMarks.some((m) => m.name === 'send ACK' && m.t >= ok.t);
      return acked ? pendingMarks.splice(0) : undefined;
    },
    10_000,
    'the call to be established (ACK sent)',
  );
  const clickAt = await crm.evaluate(() => (window as unknown as { __clickAt: number }).__clickAt);
  const inviteAtCallee = await callee.page.evaluate(
    () => (window as unknown as { __invites: number[] }).__invites[0] ?? NaN,
  );
  return { clickAt, marks, inviteAtCallee };
}
const pendingMarks: Mark[] = [];

export async function hangUp(callee: Callee, phoneHost: TargetSession): Promise<void> {
  await callee.hangup();
  await callee.waitForCallState('terminated', 5_000);
  // The agent's phone has seen the BYE and dropped the call before the next one is placed.
  await sleep(300);
  await phoneHost.evaluate('window.__uctProbe.take().length');
}

/** One call's timings, each step from the probe's marks. */
type Steps = Record<string, number[]>;

function recordSteps(
  steps: Steps,
  clickAt: number,
  marks: Mark[],
  inviteAtCallee: number,
): { preparedBeforeClick: boolean } {
  const add = (name: string, value: number) => (steps[name] ??= []).push(value);
  const at = (name: string, from = 0) =>
    marks.find((m) => m.name === name && m.t >= from)?.t ?? NaN;
  const gumStart = at('gum start');
  const gumEnd = at('gum end');
  const offerStart = at('createOffer start');
  const sldEnd = at('setLocalDescription end');
  const iceDone = at('ice complete');
  const invite = at('send INVITE');
  const inviteAuth = at('send INVITE auth');
  const ok = at('recv 200 INVITE');
  const ack = at('send ACK', ok);
  add('click → INVITE on the wire', invite - clickAt);
  add('click → INVITE at the callee', inviteAtCallee - clickAt);
  add('click → established', ack - clickAt);
  // A prepared microphone was captured before the click (or without gUM marks at all).
  const preparedBeforeClick = !(gumStart >= clickAt);
  const dialReceived = at('dial received');
  add(
    'share: click → phone.dial at the phone host (content script → background checks → offscreen)',
    dialReceived - clickAt,
  );
  add('share: phone.dial → createOffer (sip.js, microphone)', offerStart - dialReceived);
  if (!preparedBeforeClick) add('share: getUserMedia (after the click)', gumEnd - gumStart);
  add('share: createOffer, setLocalDescription', sldEnd - offerStart);
  const offerEnd = at('createOffer end');
  const sldStart = at('setLocalDescription start');
  add('share: of which createOffer', offerEnd - offerStart);
  add('share: of which createOffer → setLocalDescription (sip.js)', sldStart - offerEnd);
  add('share: of which setLocalDescription', sldEnd - sldStart);
  // sip.js sends once the bound (or the browser) ends gathering.
  const gathered = Math.min(Number.isNaN(iceDone) ? invite : Math.max(iceDone, sldEnd), invite);
  add('share: setLocalDescription → INVITE sent (bounded ICE gathering)', invite - sldEnd);
  add('share: of which after the browser completed gathering', invite - gathered);
  add('share: INVITE → 407 → INVITE with credentials', inviteAuth - invite);
  add(
    'share: INVITE with credentials → at the callee (Kamailio proxy)',
    inviteAtCallee - inviteAuth,
  );
  add('share: callee answers (its getUserMedia, answer, ICE) → 200 OK', ok - inviteAtCallee);
  add('share: 200 OK → ACK (answer applied)', ack - ok);
  return { preparedBeforeClick };
}

const INTENT_LABEL: Record<Intent, string> = {
  warm: `warm (pointer on the button ${WARM_LEAD_MS} ms before the click)`,
  cold: 'cold (no intent reaches the phone, as with a keyboard shortcut)',
  arrive: 'pointer arrives with the click (preparing starts with it)',
};

/**
 * Item 4: click on a CRM page's call button → INVITE on the wire (= at Kamailio, loopback) and
 * at the callee, → established (the agent's ACK), with each step's share; warm, cold and
 * "arrive" calls alternate, so all three see the same machine.
 */
export async function measureCalls(
  env: Environment,
  callee: Callee,
  popup: PopupPage,
  runs: number,
  options: { intents?: Intent[]; label?: string; goals?: boolean } = {},
): Promise<Row[]> {
  const intents = options.intents ?? (['warm', 'cold', 'arrive'] as Intent[]);
  const label = options.label ? `, ${options.label}` : '';
  const goals = options.goals ?? true;
  const phoneHost = await attachPhoneHost(env);
  const crm = await openRecordPage(env.browser.context);
  const steps = Object.fromEntries(intents.map((intent) => [intent, {} as Steps])) as Record<
    Intent,
    Steps
  >;
  const prepared: Record<Intent, number> = { warm: 0, cold: 0, arrive: 0 };
  const uiEstablished: number[] = [];
  try {
    for (let run = 0; run < runs + 1; run++) {
      for (const intent of intents) {
        await popup.page.evaluate(() => {
          const w = window as unknown as { __establishedAt: number; __watch?: MutationObserver };
          w.__establishedAt = 0;
          w.__watch ??= new MutationObserver(() => {
            if (
              !w.__establishedAt &&
              document.querySelector('[data-testid="call-status"][data-state="established"]')
            ) {
              w.__establishedAt = performance.timeOrigin + performance.now();
            }
          });
          w.__watch.observe(document.body, { subtree: true, childList: true, attributes: true });
        });
        const { clickAt, marks, inviteAtCallee } = await placeCall(crm, callee, phoneHost, intent);
        await popup.waitForCallState('established', 5_000);
        const uiAt = await popup.page.evaluate(
          () => (window as unknown as { __establishedAt: number }).__establishedAt,
        );
        await hangUp(callee, phoneHost);
        // The content script sends one intent per 2 s: keep warm calls that far apart.
        await sleep(intent === 'arrive' ? 1_000 : 0);
        if (run === 0) continue; // warm-up
        if (recordSteps(steps[intent], clickAt, marks, inviteAtCallee).preparedBeforeClick) {
          prepared[intent] += 1;
        }
        if (intent === 'warm') uiEstablished.push(uiAt - clickAt);
      }
    }
  } finally {
    await crm.close();
    await phoneHost.detach();
  }
  const rows: Row[] = [];
  const p = (intent: Intent, name: string) => steps[intent]?.[name] ?? [];
  const goal = (max: number) => (goals ? { max } : undefined);
  for (const intent of intents) {
    const invite = p(intent, 'click → INVITE on the wire');
    const n = invite.length;
    const preparedNote = `the microphone was captured before the click in ${prepared[intent]} of ${n} runs`;
    rows.push(
      row({
        name: `click → INVITE at Kamailio, ${INTENT_LABEL[intent]}${label}`,
        value: median(invite),
        unit: 'ms',
        goal: label
          ? intent === 'cold'
            ? goal(300)
            : undefined
          : intent === 'warm'
            ? goal(30)
            : intent === 'cold'
              ? goal(60)
              : undefined,
        runs: n,
        note: `p95 ${Math.round(percentile(invite, 95))} ms; ${preparedNote}`,
      }),
    );
  }
  const main = intents.includes('warm') ? 'warm' : intents[0]!;
  const established = p(main, 'click → established');
  rows.push(
    row({
      name: `click → established (callee answers at once), ${main}${label}`,
      value: median(established),
      unit: 'ms',
      goal: goals && !label ? { max: 80 } : undefined,
      runs: established.length,
      note: `p95 ${Math.round(percentile(established, 95))} ms; the agent ACKs the 200 OK${
        uiEstablished.length
          ? `; the popup shows it ${Math.round(median(uiEstablished) - median(established))} ms later`
          : ''
      }`,
    }),
  );
  for (const intent of intents) {
    const total = median(p(intent, 'click → established'));
    for (const [name, values] of Object.entries(steps[intent])) {
      if (!name.startsWith('share: ')) continue;
      const value = median(values);
      rows.push(
        row({
          name: `  ${intent}: ${name.slice(7)}`,
          value,
          unit: 'ms',
          runs: values.length,
          note: `${Math.round((value / total) * 100)}% of click → established (medians)`,
        }),
      );
    }
  }
  return rows;
}

/**
 * The floor under click → INVITE, measured in the phone host itself: what a cold and a warm
 * getUserMedia cost, a pre-warmed stream (a clone of a live track), and an offer with ICE
 * gathering on host candidates only.
 */
export async function measureMediaFloor(env: Environment, runs: number): Promise<Row[]> {
  const phoneHost = await attachPhoneHost(env);
  try {
    const result = await phoneHost.evaluate<Record<string, number[]>>(
      `(${mediaFloor.toString()})(${runs})`,
    );
    const r = (name: string, key: string, note?: string) =>
      row({ name: `  floor: ${name}`, value: median(result[key]!), unit: 'ms', runs, note });
    return [
      r('getUserMedia, microphone closed (cold)', 'cold'),
      r('getUserMedia, microphone already open (warm)', 'warm'),
      r('pre-warmed stream: clone a live track', 'clone'),
      r('new RTCPeerConnection + addTrack + createOffer + setLocalDescription', 'offer'),
      r(
        'ICE gathering complete after setLocalDescription (iceServers: [])',
        'ice',
        "host candidates only, yet Chromium's port allocator steps through its UDP, relay and TCP phases 50 ms apart: what the gathering bound (utils/sip/ice-gathering.ts) no longer waits for",
      ),
      r('first host candidate after setLocalDescription', 'firstCandidate'),
      r(
        'ICE gathering complete with candidates pooled ahead (iceCandidatePoolSize 1)',
        'pooled',
        'a peer connection made 300 ms before the offer',
      ),
    ];
  } finally {
    await phoneHost.detach();
  }
}

async function mediaFloor(runs: number): Promise<Record<string, number[]>> {
  const out: Record<string, number[]> = {
    cold: [],
    warm: [],
    clone: [],
    offer: [],
    ice: [],
    firstCandidate: [],
    pooled: [],
  };
  const now = () => performance.now();
  for (let i = 0; i < runs; i++) {
    let t = now();
    const first = await navigator.mediaDevices.getUserMedia({ audio: true, video: false });
    out.cold!.push(now() - t);
    t = now();
    const second = await navigator.mediaDevices.getUserMedia({ audio: true, video: false });
    out.warm!.push(now() - t);
    t = now();
    const clone = first.getAudioTracks()[0]!.clone();
    out.clone!.push(now() - t);
    t = now();
    const pc = new RTCPeerConnection({ iceServers: [] });
    pc.addTrack(clone, new MediaStream([clone]));
    const gathered = gatheringDone(pc);
    let firstCandidate = 0;
    pc.addEventListener('icecandidate', (event) => {
      if (event.candidate && !firstCandidate) firstCandidate = now();
    });
    await pc.setLocalDescription(await pc.createOffer());
    const described = now();
    out.offer!.push(described - t);
    await gathered;
    out.ice!.push(now() - described);
    out.firstCandidate!.push(firstCandidate - described);
    pc.close();
    // Candidates gathered ahead: a peer connection made earlier with a candidate pool.
    const pooled = new RTCPeerConnection({ iceServers: [], iceCandidatePoolSize: 1 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    pooled.addTrack(clone, new MediaStream([clone]));
    const pooledDone = gatheringDone(pooled);
    await pooled.setLocalDescription(await pooled.createOffer());
    t = now();
    await pooledDone;
    out.pooled!.push(now() - t);
    pooled.close();
    for (const track of [...first.getTracks(), ...second.getTracks(), clone]) track.stop();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return out;

  function gatheringDone(pc: RTCPeerConnection): Promise<void> {
    return new Promise<void>((resolve) => {
      if (pc.iceGatheringState === 'complete') resolve();
      pc.addEventListener('icegatheringstatechange', () => {
        if (pc.iceGatheringState === 'complete') resolve();
      });
    });
  }
}

/** Samples the phone host's live microphone tracks every 100 ms for `ms`: how long one was live. */
async function microphoneLiveMs(phoneHost: TargetSession, ms: number): Promise<number> {
  let live = 0;
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if ((await phoneHost.evaluate<number>('window.__uctProbe.liveTracks()')) > 0) live += 100;
    await sleep(100);
  }
  return live;
}

/**
 * Item 4: the microphone between calls. After a call, with no intent, the phone holds no
 * microphone at all; after intent with no click, it lets go once the idle time has passed.
 */
export async function measureMicrophoneHeld(
  env: Environment,
  callee: Callee,
  popup: PopupPage,
): Promise<Row[]> {
  const phoneHost = await attachPhoneHost(env);
  const crm = await openRecordPage(env.browser.context);
  try {
    await placeCall(crm, callee, phoneHost, 'warm');
    await popup.waitForCallState('established', 5_000);
    await hangUp(callee, phoneHost);
    await crm.mouse.move(1, 1);
    const between = await microphoneLiveMs(phoneHost, 12_000);
    const button = crm.getByRole('button', { name: NUMBER }).first();
    await sleep(2_000); // past the content script's one intent per 2 s
    await button.hover();
    await crm.mouse.move(1, 1);
    const hoveredAt = Date.now();
    await waitUntil(
      async () => (await phoneHost.evaluate<number>('window.__uctProbe.liveTracks()')) > 0,
      5_000,
      'the microphone prepared on hover',
    );
    await waitUntil(
      async () => (await phoneHost.evaluate<number>('window.__uctProbe.liveTracks()')) === 0,
      20_000,
      'the prepared microphone released',
    );
    const released = Date.now() - hoveredAt;
    return [
      row({
        name: 'microphone held open between calls (no intent), seconds of 12 s watched',
        value: between / 1000,
        unit: 's',
        goal: { max: 0 },
        note: 'sampled every 100 ms in the phone host after a call ended, pointer away',
      }),
      row({
        name: 'microphone held after intent with no click (pointer on a button, then away)',
        value: released / 1000,
        unit: 's',
        note: 'the idle time of prepared media (utils/sip/media-warmup.ts WARM_IDLE_MS = 10 s), then released',
      }),
    ];
  } finally {
    await crm.close();
    await phoneHost.detach();
  }
}

/** Logs out and in again, so the phone starts with the settings just saved. */
async function loginAgain(popup: PopupPage): Promise<void> {
  await popup.logoutButton.click();
  await popup.loginButton.waitFor();
  await popup.login({ instance: INSTANCE, agent: MARIA.agent, password: MARIA.password });
  await popup.waitForSipState('registered', 10_000);
}

/**
 * Item 4: a STUN server that never answers (UDP blocked by a corporate firewall): a UDP socket on
 * loopback that reads the browser's binding requests and answers none.
 */
export async function measureStunSilent(
  env: Environment,
  callee: Callee,
  popup: PopupPage,
  runs: number,
): Promise<Row[]> {
  const socket = createSocket('udp4');
  let requests = 0;
  socket.on('message', () => (requests += 1));
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const { port } = socket.address();
  try {
    await popup.setSettings({ iceServers: [`stun:127.0.0.1:${port}`] });
    await loginAgain(popup);
    const rows = await measureCalls(env, callee, popup, runs, {
      intents: ['cold', 'warm'],
      label: 'STUN server silent',
    });
    rows[0] = {
      ...rows[0]!,
      note: `${rows[0]!.note}; ${requests} STUN requests reached the silent server, none answered`,
    };
    return rows.filter((r) => !r.name.startsWith('  ') || r.name.includes('ICE'));
  } finally {
    await popup.setSettings({ iceServers: [] });
    await loginAgain(popup).catch(() => undefined);
    socket.close();
  }
}
