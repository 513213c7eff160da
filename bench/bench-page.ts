import type { BrowserContext, Page } from 'playwright-core';
import { bundlePageScript } from './page-bundle';

/** Potentially trustworthy, never on the network (the route answers), and no CRM host. */
export const BENCH_ORIGIN = 'http://127.0.0.1';

const HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bench</title></head>
<body><script src="page.js"></script></body></html>`;

/**
 * Opens a page at `url` whose HTML loads `entry` (a bench/page module, bundled with Vite). Every
 * request under the URL's origin + first path segment is answered by a route, so any host name
 * works: a CRM host runs the extension's content script, other hosts do not.
 */
export async function openBenchPage(
  context: BrowserContext,
  url: string,
  entry: string,
  /** A bench/page module the page may start as a worker, served as `worker.js`. */
  worker?: string,
): Promise<Page> {
  const script = await bundlePageScript(entry);
  const workerScript = worker ? await bundlePageScript(worker) : '';
  const page = await context.newPage();
  const base = new URL(url);
  const prefix = `${base.origin}${base.pathname.replace(/[^/]*$/, '')}`;
  await page.route(`${prefix}**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    const isWorker = !!worker && path.endsWith('/worker.js');
    const isScript = isWorker || path.endsWith('/page.js');
    return route.fulfill({
      contentType: isScript ? 'text/javascript' : 'text/html; charset=utf-8',
      body: isWorker ? workerScript : isScript ? script : HTML,
    });
  });
  page.on('pageerror', (error) => console.error(`bench page ${url}: ${error.message}`));
  await page.goto(url);
  return page;
}
