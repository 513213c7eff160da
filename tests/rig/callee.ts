import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { CalleeApi } from './callee/api';
import { calleeHtml, calleeScript } from './callee-bundle';

export type * from './callee/api';

/**
 * A potentially trustworthy origin (getUserMedia needs one). Requests to it never reach the
 * network: the page's routes answer them.
 */
const BASE_URL = 'http://127.0.0.1/__uct-callee__/';

type Methods = {
  [K in keyof CalleeApi]: (
    ...args: Parameters<CalleeApi[K]>
  ) => Promise<Awaited<ReturnType<CalleeApi[K]>>>;
};

/** A second real sip.js phone, in an ordinary page, as the far end of calls. */
export interface Callee extends Methods {
  page: Page;
  /** Uncaught errors of the page, for failure messages. */
  errors: string[];
  /** Disconnects the phone and closes its page (and its context if startCallee made one). */
  close(): Promise<void>;
}

// A key per page method; the compiler complains when api.ts gains one that is missing here.
const METHODS = Object.keys({
  register: 1,
  unregister: 1,
  waitForInvite: 1,
  answer: 1,
  decline: 1,
  call: 1,
  hangup: 1,
  sendDtmf: 1,
  hold: 1,
  waitForCallState: 1,
  state: 1,
  stats: 1,
  stop: 1,
  followRefers: 1,
} satisfies Record<keyof CalleeApi, 1>) as (keyof CalleeApi)[];

/** Opens the far-end page in `target`: a context (e.g. the extension's) or a browser (own context). */
export async function startCallee(target: BrowserContext | Browser): Promise<Callee> {
  const ownContext = 'newContext' in target ? await target.newContext() : undefined;
  const page = await (ownContext ?? (target as BrowserContext)).newPage();
  const script = await calleeScript();
  await page.route(`${BASE_URL}**`, (route) => {
    const isScript = route.request().url().endsWith('.js');
    return route.fulfill({
      contentType: isScript ? 'text/javascript' : 'text/html',
      body: isScript ? script : calleeHtml(),
    });
  });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${BASE_URL}index.html`);
  await page.waitForFunction(() => 'callee' in window);

  const invoke = (name: keyof CalleeApi, args: unknown[]): Promise<never> =>
    page.evaluate(
      ([n, a]) => {
        const api = (window as unknown as { callee: Record<string, (...x: unknown[]) => unknown> })
          .callee;
        return api[n as string]?.(...(a as unknown[])) as never;
      },
      [name, args] as const,
    );
  const methods = Object.fromEntries(
    METHODS.map((name) => [name, (...args: unknown[]) => invoke(name, args)]),
  ) as unknown as Methods;

  return {
    ...methods,
    page,
    errors,
    close: async () => {
      // Unregister politely, but never let a dead server hold up teardown.
      const stopped = invoke('stop', []).catch(() => undefined);
      await Promise.race([stopped, new Promise((r) => setTimeout(r, 2_000))]);
      await page.close();
      await ownContext?.close();
    },
  };
}
