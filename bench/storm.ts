import type { BrowserContext, Page } from 'playwright-core';
import { waitUntil } from '../tests/e2e/support/wait';
import { openBenchPage } from './bench-page';
import { CRM_HOST } from './detector';
import type { ListPage } from './page/list-page';
import type { StormRun } from './page/storm-page';
import { median, row, type Row } from './results';

declare const storm: { page: ListPage; run(ms: number, rate: number): Promise<StormRun> };

/** Not a CRM host: the content script does not run there (same browser, same extension). */
const PLAIN_HOST = 'wallboard.example.com';
const RATE = 100_000;
const STORM_MS = 5_000;

/**
 * Item 3: the same page on a CRM host (content script running, first scan done) and on a host
 * the extension leaves alone; 100k text mutations/s for 5 s each, three times each, alternating. The
 * frame rate is counted in 250 ms windows; the medians of those windows are compared.
 */
export async function measureMutationStorm(context: BrowserContext): Promise<Row[]> {
  const withExtension = await openStormPage(context, CRM_HOST);
  const without = await openStormPage(context, PLAIN_HOST);
  const fps: Record<'with' | 'without', number[]> = { with: [], without: [] };
  const rates: Record<'with' | 'without', number[]> = { with: [], without: [] };
  try {
    const expected = await withExtension.evaluate(() => storm.page.phones);
    await waitUntil(
      async () =>
        (await withExtension.evaluate(() => document.querySelectorAll('ucontact-call').length)) >=
        expected,
      30_000,
      'content-script buttons on the storm page',
    );
    if ((await without.evaluate(() => document.querySelectorAll('ucontact-call').length)) > 0) {
      throw new Error(`the content script ran on ${PLAIN_HOST}: no baseline`);
    }
    // Three pairs, in both orders, so a change in the machine's load hits both sides alike.
    for (const which of ['without', 'with', 'with', 'without', 'without', 'with'] as const) {
      const page = which === 'with' ? withExtension : without;
      await page.bringToFront();
      await page.waitForTimeout(300);
      const result = await page.evaluate(([ms, rate]) => storm.run(ms, rate), [
        STORM_MS,
        RATE,
      ] as const);
      fps[which].push(...result.frames.map((frames) => (frames * 1000) / result.windowMs));
      rates[which].push(result.mutations / result.seconds);
    }
  } finally {
    await withExtension.close();
    await without.close();
  }
  return [
    row({
      name: 'mutation storm 100k text mutations/s for 5 s: page frame rate with the extension',
      value: median(fps.with),
      unit: 'fps',
      peer: median(fps.without),
      goal: { min: 0.9, of: 'ratio' },
      runs: fps.with.length,
      note: `peer = the same page where the extension does not run; 250 ms windows of 3×5 s; mutations/s reached: ${Math.round(median(rates.with))} with, ${Math.round(median(rates.without))} without`,
    }),
  ];
}

async function openStormPage(context: BrowserContext, host: string): Promise<Page> {
  return openBenchPage(context, `https://${host}/bench/storm.html`, 'bench/page/storm-page.ts');
}
