import { loadavg } from 'node:os';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { startCallee, type Callee } from '../tests/rig/callee';
import { ha1 } from '../tests/rig/sip-credentials';
import {
  CALLEE,
  INSTANCE_HOST,
  MARIA,
  startEnvironment,
  useLoopbackIce,
  type Environment,
} from '../tests/e2e/support/environment';
import type { PopupPage } from '../tests/e2e/support/popup-page';
import { sleep } from '../tests/e2e/support/wait';
import {
  attachPhoneHost,
  hangUp,
  installCalleeProbe,
  measureCalls,
  measureLogin,
  measureMediaFloor,
  measureMicrophoneHeld,
  measureStunSilent,
  openRecordPage,
  placeCall,
} from './calls';
import { CRM_HOST, measureDetector, measureExtensionFirstScan } from './detector';
import { sampleMemory, type MemorySample } from './memory';
import { machineInfo, row, writeResults, type Row } from './results';
import { measureFrameHeap } from './frames';
import { measureSizes } from './sizes';
import { measureMutationStorm } from './storm';

/** Medians are of this many runs (UCT_BENCH_RUNS=3 for a quick smoke run). */
const RUNS = Number(process.env.UCT_BENCH_RUNS ?? 20);

/**
 * `npm run bench`: every measurement of the benchmark issue in one run of real Chromium with the
 * built extension and the rig's servers, inside run-e2e.mjs's loopback-only namespace. Each part
 * adds rows; the file is written even when a part fails (the run then fails too).
 */
describe('benchmarks', () => {
  const rows: Row[] = [];
  const started = Date.now();
  const startLoad = Number(loadavg()[0]!.toFixed(2));
  let env: Environment | undefined;
  let callee: Callee | undefined;
  let popup: PopupPage | undefined;

  beforeAll(async () => {
    env = await startEnvironment({
      dialPlan: { '*': CALLEE.user },
      browser: {
        hostResolverRules: `MAP *.ucontactcloud.com 127.0.0.1, MAP ${CRM_HOST} 127.0.0.1`,
      },
    });
    callee = await startCallee(env.browser.context);
    await installCalleeProbe(callee);
    await callee.register({
      wsUrl: env.kamailio.wsUrl,
      user: CALLEE.user,
      ha1: ha1(CALLEE.user, CALLEE.password),
      domain: INSTANCE_HOST,
    });
  });

  afterAll(async () => {
    const chromium = env?.browser.context.browser()?.version() ?? 'unknown';
    await callee?.close().catch(() => undefined);
    await env?.close();
    writeResults({
      startedAt: new Date(started).toISOString(),
      durationS: Math.round((Date.now() - started) / 1000),
      machine: machineInfo(`Chromium ${chromium}`, startLoad),
      rows,
    });
  });

  it('6. bundle sizes', async () => {
    rows.push(...(await measureSizes()));
  });

  it('1, 2. detector: ours and the naive peer in one page', async () => {
    rows.push(...(await measureDetector(env!.browser.context, RUNS)));
  });

  it('1. detector through the built extension', async () => {
    rows.push(...(await measureExtensionFirstScan(env!.browser.context, Math.ceil(RUNS / 2))));
  });

  it('3. mutation storm', async () => {
    rows.push(...(await measureMutationStorm(env!.browser.context)));
  });

  it('8. JS heap per CRM frame', async () => {
    rows.push(...(await measureFrameHeap(env!.browser.context)));
  });

  it("5. popup 'Log in' → registered", async () => {
    popup = await env!.openPopup();
    await useLoopbackIce(popup);
    rows.push(...(await measureLogin(env!, popup, RUNS)));
  });

  it('4. click → INVITE → established, and the floor', async () => {
    rows.push(...(await measureCalls(env!, callee!, popup!, RUNS)));
    rows.push(...(await measureMicrophoneHeld(env!, callee!, popup!)));
    rows.push(...(await measureStunSilent(env!, callee!, popup!, Math.ceil(RUNS / 2))));
    rows.push(...(await measureMediaFloor(env!, RUNS)));
  });

  it('7. memory, idle registered and in a call', async () => {
    const browser = env!.browser.context.browser()!;
    // Only the extension's own contexts in its process: no popup, no options page.
    await popup!.page.close();
    await sleep(1_000);
    const idle = await sampleMemory(browser);
    const crm = await openRecordPage(env!.browser.context);
    const phoneHost = await attachPhoneHost(env!);
    let inCall: MemorySample;
    try {
      await placeCall(crm, callee!, phoneHost);
      await sleep(2_000); // RTP both ways for a while
      inCall = await sampleMemory(browser);
      await hangUp(callee!, phoneHost);
    } finally {
      await phoneHost.detach();
      await crm.close();
    }
    const mem = (name: string, key: keyof MemorySample, note: string) => [
      row({ name: `memory: ${name}, idle registered`, value: idle[key], unit: 'MiB', note }),
      row({ name: `memory: ${name}, in a call`, value: inCall[key], unit: 'MiB' }),
    ];
    rows.push(
      ...mem(
        'extension renderer PSS',
        'extensionPssMiB',
        `${idle.extensionProcesses} renderer(s) flagged --extension-process: service worker + offscreen document`,
      ),
      ...mem('phone host (offscreen document) JS heap', 'phoneHostHeapMiB', 'used, after a GC'),
      ...mem('service worker JS heap', 'serviceWorkerHeapMiB', 'used, after a GC'),
      ...mem('audio service PSS', 'audioServicePssMiB', "Chromium's utility process for capture"),
    );
  });

  it('7. memory soak: register/unregister cycles and calls in one profile', async () => {
    const browser = env!.browser.context.browser()!;
    // Full size: 200 log-in/log-out cycles (each a REGISTER and an Expires: 0) and 50 calls.
    const cycles = RUNS >= 20 ? 200 : RUNS * 3;
    const calls = RUNS >= 20 ? 50 : RUNS;
    const before = await sampleMemory(browser);
    const soakPopup = await env!.openPopup();
    await soakPopup.logoutButton.waitFor();
    for (let cycle = 0; cycle < cycles; cycle++) {
      await soakPopup.logoutButton.click();
      await soakPopup.loginButton.waitFor();
      await soakPopup.password.fill(MARIA.password);
      await soakPopup.loginButton.click();
      await soakPopup.waitForSipState('registered', 10_000);
    }
    await soakPopup.page.close();
    const crm = await openRecordPage(env!.browser.context);
    const phoneHost = await attachPhoneHost(env!);
    try {
      for (let call = 0; call < calls; call++) {
        await placeCall(crm, callee!, phoneHost);
        await hangUp(callee!, phoneHost);
      }
    } finally {
      await phoneHost.detach();
      await crm.close();
    }
    await sleep(1_000);
    const after = await sampleMemory(browser);
    rows.push(
      row({
        name: `memory soak: phone host JS heap growth after ${cycles} register/unregister cycles and ${calls} calls`,
        value: after.phoneHostHeapMiB - before.phoneHostHeapMiB,
        unit: 'MiB',
        goal: { max: 5 },
        note: `${before.phoneHostHeapMiB.toFixed(2)} → ${after.phoneHostHeapMiB.toFixed(2)} MiB, after a GC`,
      }),
      row({
        name: 'memory soak: service worker JS heap growth',
        value: after.serviceWorkerHeapMiB - before.serviceWorkerHeapMiB,
        unit: 'MiB',
        note: `${before.serviceWorkerHeapMiB.toFixed(2)} → ${after.serviceWorkerHeapMiB.toFixed(2)} MiB, after a GC`,
      }),
    );
  });
});
