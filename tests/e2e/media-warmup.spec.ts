import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Callee } from '../rig/callee';
import type { FixtureServer } from '../rig/fixture-server';
import { attachToTarget, type TargetSession } from './support/cdp-target';
import { startCrmSession, type CrmSession } from './support/crm-session';
import type { Environment } from './support/environment';
import type { PopupPage } from './support/popup-page';
import { CLICK_SETTLE_MS, sleep, waitUntil } from './support/wait';

const CRM_HOST = 'acme.lightning.force.com';
const RECORD = '/lightning/r/Contact/0035g00000AbCdEAAZ/view';
const NUMBER = 'Call (415) 555-0123';
/** The phone's idle time for prepared media (utils/sip/media-warmup.ts WARM_IDLE_MS) and a margin. */
const RELEASED_WITHIN_MS = 10_000 + 3_000;

interface MediaReport {
  captures: number;
  liveTracks: number;
  peerConnections: number;
  openPeerConnections: number;
}

/**
 * Watches the phone host (the offscreen document) from outside: every microphone capture and
 * every peer connection it makes, and which are still live. It only observes.
 */
function mediaProbe(): void {
  const w = window as unknown as {
    __media?: { tracks: MediaStreamTrack[]; pcs: RTCPeerConnection[] };
    RTCPeerConnection: typeof RTCPeerConnection;
  };
  if (w.__media) return;
  const media = { tracks: [] as MediaStreamTrack[], pcs: [] as RTCPeerConnection[] };
  w.__media = media;
  const devices = navigator.mediaDevices;
  const getUserMedia = devices.getUserMedia.bind(devices);
  devices.getUserMedia = async (constraints) => {
    const stream = await getUserMedia(constraints);
    media.tracks.push(...stream.getTracks());
    return stream;
  };
  const Native = w.RTCPeerConnection;
  w.RTCPeerConnection = class extends Native {
    constructor(configuration?: RTCConfiguration) {
      super(configuration);
      media.pcs.push(this);
    }
  };
}

const REPORT = `(() => {
  const media = window.__media;
  return {
    captures: media.tracks.length,
    liveTracks: media.tracks.filter((t) => t.readyState === 'live').length,
    peerConnections: media.pcs.length,
    openPeerConnections: media.pcs.filter((pc) => pc.signalingState !== 'closed').length,
  };
})()`;

/**
 * The phone prepares its media when the agent shows intent (the pointer on a call button), so a
 * click dials at once; with no click it lets the microphone go again: no microphone held open
 * between calls. Real Chromium, the real offscreen phone host, real Kamailio.
 */
describe('media prepared on intent, and released', () => {
  let session: CrmSession;
  let env: Environment;
  let fixtures: FixtureServer;
  let callee: Callee;
  let popup: PopupPage;
  let host: TargetSession;
  let page: Page;

  const report = () => host.evaluate<MediaReport>(REPORT);
  const invites = () =>
    env.kamailio.sipRequests().filter((r) => r.method === 'INVITE' && !r.inDialog).length;

  beforeAll(async () => {
    session = await startCrmSession(CRM_HOST, 'salesforce');
    ({ env, fixtures, callee, popup } = session);
    // The popup's dial pad is intent too: close it, so only the CRM page's pointer counts here.
    await popup.page.close();
    const browser = env.browser.context.browser()!;
    host = await attachToTarget(browser, (t) => t.url.endsWith('/offscreen.html'));
    await host.evaluate(`(${mediaProbe.toString()})()`);
    // Whatever the login left prepared (the popup's focus) is released before the cases start.
    await waitUntil(
      async () => (await report()).liveTracks === 0,
      RELEASED_WITHIN_MS,
      'no microphone held after login',
    );
    page = await env.browser.context.newPage();
    await page.goto(fixtures.url(CRM_HOST, RECORD));
    await page.getByRole('button', { name: NUMBER }).first().waitFor();
    await page.mouse.move(1, 1);
  }, 60_000);
  afterAll(async () => {
    await host?.detach();
    await session?.close();
  });

  it('the pointer on a call button opens the microphone and a peer connection; no click, and both are released', async () => {
    const before = await report();
    const calls = invites();
    await page.getByRole('button', { name: NUMBER }).first().hover();
    const prepared = await waitUntil(
      async () => {
        const now = await report();
        return now.liveTracks === 1 && now.openPeerConnections === 1 ? now : undefined;
      },
      5_000,
      'the microphone and a peer connection prepared',
    );
    expect(prepared.captures).toBe(before.captures + 1);
    // The pointer leaves; no click. Released within the idle time, and no call was placed.
    await page.mouse.move(1, 1);
    const started = Date.now();
    await waitUntil(
      async () => {
        const now = await report();
        return now.liveTracks === 0 && now.openPeerConnections === 0;
      },
      RELEASED_WITHIN_MS,
      'the prepared microphone released',
    );
    expect(Date.now() - started).toBeGreaterThan(5_000);
    expect(invites()).toBe(calls);
  }, 30_000);

  it('a click after the intent takes the prepared media (one capture), and the call releases it when it ends', async () => {
    const before = await report();
    const button = page.getByRole('button', { name: NUMBER }).first();
    await button.hover();
    await sleep(CLICK_SETTLE_MS);
    const answered = callee.waitForInvite(10_000).then(() => callee.answer());
    await button.click();
    await answered;
    await callee.waitForCallState('established', 5_000);
    const during = await report();
    // The call used the microphone captured and the peer connection made on hover: no second
    // capture, no second peer connection.
    expect(during.captures).toBe(before.captures + 1);
    expect(during.liveTracks).toBe(1);
    expect(during.peerConnections).toBe(before.peerConnections + 1);
    expect(during.openPeerConnections).toBe(1);
    await callee.hangup();
    await callee.waitForCallState('terminated', 5_000);
    await waitUntil(
      async () => {
        const now = await report();
        return now.liveTracks === 0 && now.openPeerConnections === 0;
      },
      5_000,
      'the microphone released when the call ended',
    );
  }, 30_000);
});
