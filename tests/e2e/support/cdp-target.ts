import type { Browser, CDPSession } from 'playwright-core';

export interface TargetSession {
  /** Evaluates `expression` in the target (promises awaited, values returned by value). */
  evaluate<T>(expression: string): Promise<T>;
  send<T = unknown>(method: string, params?: object): Promise<T>;
  detach(): Promise<void>;
}

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

/**
 * A CDP session with a target Playwright does not expose as a Page, such as the extension's
 * offscreen document (type `background_page`). Uses the browser session and, since Playwright
 * keeps that session's flat-mode sub-sessions to itself, Target.sendMessageToTarget.
 */
export async function attachToTarget(
  browser: Browser,
  match: (target: TargetInfo) => boolean,
): Promise<TargetSession> {
  const cdp: CDPSession = await browser.newBrowserCDPSession();
  const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: TargetInfo[] };
  const target = targetInfos.find(match);
  if (!target) {
    await cdp.detach();
    throw new Error(`no such target among ${targetInfos.map((t) => t.url).join(', ')}`);
  }
  const { sessionId } = (await cdp.send('Target.attachToTarget', {
    targetId: target.targetId,
    flatten: false,
  })) as { sessionId: string };
  let nextId = 0;
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  cdp.on('Target.receivedMessageFromTarget', (event: { sessionId: string; message: string }) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message) as {
      id?: number;
      result?: unknown;
      error?: { message: string };
    };
    const waiter = message.id === undefined ? undefined : pending.get(message.id);
    if (!waiter) return;
    pending.delete(message.id!);
    if (message.error) waiter.reject(new Error(message.error.message));
    else waiter.resolve(message.result);
  });
  const send = <T>(method: string, params: object = {}): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = ++nextId;
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      cdp
        .send('Target.sendMessageToTarget', {
          sessionId,
          message: JSON.stringify({ id, method, params }),
        })
        .catch(reject);
    });
  return {
    send,
    async evaluate<T>(expression: string): Promise<T> {
      const reply = await send<{
        result: { value: T };
        exceptionDetails?: { text: string; exception?: { description?: string } };
      }>('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
      if (reply.exceptionDetails) {
        const { text, exception } = reply.exceptionDetails;
        throw new Error(`in target: ${exception?.description ?? text}`);
      }
      return reply.result.value;
    },
    detach: () => cdp.detach().catch(() => undefined),
  };
}
