import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { attachToTarget } from '../tests/e2e/support/cdp-target';

export interface MemorySample {
  /** PSS of the renderer(s) Chromium runs the extension in (service worker + offscreen document). */
  extensionPssMiB: number;
  /** PSS of the audio service (a utility process Chromium starts for capture and playback). */
  audioServicePssMiB: number;
  /** JS heap used by the phone host (offscreen document), after a GC. */
  phoneHostHeapMiB: number;
  /** JS heap used by the service worker, after a GC. */
  serviceWorkerHeapMiB: number;
  extensionProcesses: number;
}

const MiB = 2 ** 20;

/** Proportional set size of a process, from /proc (the bench runs in its own PID namespace). */
function pssBytes(pid: number): number {
  try {
    const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    return Number(/^Pss:\s+(\d+) kB/m.exec(rollup)?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
}

/** Item 7: the extension's processes (CDP SystemInfo.getProcessInfo + /proc) and JS heaps. */
export async function sampleMemory(browser: Browser): Promise<MemorySample> {
  const heapOf = async (suffix: string): Promise<number> => {
    const target = await attachToTarget(browser, (t) => t.url.endsWith(suffix));
    try {
      await target.send('HeapProfiler.collectGarbage');
      const usage = await target.send<{ usedSize: number }>('Runtime.getHeapUsage');
      return usage.usedSize;
    } finally {
      await target.detach();
    }
  };
  const phoneHost = await heapOf('/offscreen.html');
  const serviceWorker = await heapOf('/background.js');

  const cdp = await browser.newBrowserCDPSession();
  try {
    const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as {
      processInfo: { type: string; id: number }[];
    };
    const extension = processInfo.filter(
      (p) => p.type === 'renderer' && commandLine(p.id).includes('--extension-process'),
    );
    const audio = processInfo.filter((p) => p.type.includes('AudioService'));
    const sum = (ps: { id: number }[]) => ps.reduce((total, p) => total + pssBytes(p.id), 0);
    return {
      extensionPssMiB: sum(extension) / MiB,
      audioServicePssMiB: sum(audio) / MiB,
      phoneHostHeapMiB: phoneHost / MiB,
      serviceWorkerHeapMiB: serviceWorker / MiB,
      extensionProcesses: extension.length,
    };
  } finally {
    await cdp.detach();
  }
}
