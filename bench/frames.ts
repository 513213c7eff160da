import type { BrowserContext, Page } from 'playwright-core';
import { waitUntil } from '../tests/e2e/support/wait';
import { CRM_HOST } from './detector';
import { median, row, type Row } from './results';

/** Not a CRM host: the content script does not run there (same browser, same extension). */
const PLAIN_HOST = 'wallboard.example.com';
const FRAMES = 10;
const NUMBERS_PER_FRAME = 5;
const PAIRS = 3;

/** A contact card, as a CRM's embedded widgets show them: a few numbers among other text. */
function card(index: number): string {
  const rows = Array.from(
    { length: NUMBERS_PER_FRAME },
    (_, n) =>
      `<tr><td>Contact ${index}-${n}</td><td>(415) 555-${String(1000 + index * 10 + n)}</td><td>Open since 2024-05-0${n + 1}</td></tr>`,
  ).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Card ${index}</title></head>
<body><table>${rows}</table></body></html>`;
}

function topPage(): string {
  const frames = Array.from(
    { length: FRAMES },
    (_, i) => `<iframe src="card-${i + 1}.html" width="400" height="160"></iframe>`,
  ).join('');
  return card(0).replace('</body>', `${frames}</body>`);
}

async function openFramesPage(context: BrowserContext, host: string): Promise<Page> {
  const page = await context.newPage();
  await page.route(`https://${host}/bench/frames/**`, (route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop() ?? '';
    const index = /^card-(\d+)\.html$/.exec(name)?.[1];
    return route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: index ? card(Number(index)) : topPage(),
    });
  });
  await page.goto(`https://${host}/bench/frames/index.html`);
  await waitUntil(
    async () => page.frames().length === FRAMES + 1,
    10_000,
    `${FRAMES} frames loaded on ${host}`,
  );
  return page;
}

async function buttonsIn(page: Page): Promise<number> {
  const counts = await Promise.all(
    page
      .frames()
      .map((frame) =>
        frame.evaluate(() => document.querySelectorAll('ucontact-call').length).catch(() => 0),
      ),
  );
  return counts.reduce((sum, count) => sum + count, 0);
}

/** The renderer's JS heap in use after a full GC (every frame of the page and its content scripts). */
async function heapUsed(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    return usedSize;
  } finally {
    await cdp.detach();
  }
}

/**
 * Item 8: JS heap the content script adds per CRM frame. The same page (a card and 10 same-site
 * iframes, 5 numbers each) on a CRM host, where the content script runs in all 11 frames, and on
 * a host the extension leaves alone; heaps after a GC, three pairs, in both orders.
 */
export async function measureFrameHeap(context: BrowserContext): Promise<Row[]> {
  const added: number[] = [];
  for (let pair = 0; pair < PAIRS; pair++) {
    const order = pair % 2 === 0 ? [CRM_HOST, PLAIN_HOST] : [PLAIN_HOST, CRM_HOST];
    const heaps: Record<string, number> = {};
    for (const host of order) {
      const page = await openFramesPage(context, host);
      try {
        const expected = host === CRM_HOST ? (FRAMES + 1) * NUMBERS_PER_FRAME : 0;
        if (host === CRM_HOST) {
          await waitUntil(
            async () => (await buttonsIn(page)) >= expected,
            20_000,
            'a call button for every number in every frame',
          );
        } else {
          await page.waitForTimeout(1_000);
          if ((await buttonsIn(page)) > 0) throw new Error(`the content script ran on ${host}`);
        }
        // Let the first scan's idle slices and flushes finish before measuring.
        await page.waitForTimeout(500);
        heaps[host] = await heapUsed(page);
      } finally {
        await page.close();
      }
    }
    added.push((heaps[CRM_HOST]! - heaps[PLAIN_HOST]!) / (FRAMES + 1));
  }
  return [
    row({
      name: `JS heap added per CRM frame by the content script (page with ${FRAMES} iframes)`,
      value: median(added) / 2 ** 20,
      unit: 'MiB',
      goal: { max: 1 },
      runs: added.length,
      note: `(heap on ${CRM_HOST} − the same page on ${PLAIN_HOST}) / ${FRAMES + 1} frames, after a GC; ${NUMBERS_PER_FRAME} numbers per frame; libphonenumber-js is in the background, not in the frames`,
    }),
  ];
}
