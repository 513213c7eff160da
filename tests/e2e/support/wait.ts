/** Polls `probe` until it returns a truthy value or `timeoutMs` passes; returns the value. */
export async function waitUntil<T>(
  probe: () => T | Promise<T>,
  timeoutMs = 10_000,
  what = 'condition',
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await probe();
    if (last) return last as NonNullable<T>;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(
    `Timed out after ${timeoutMs} ms waiting for ${what} (last: ${JSON.stringify(last)})`,
  );
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * How long to let a page's call buttons settle before clicking them: a click counts only on a
 * button that has stayed in place for 500 ms (utils/crm/click-guard.ts, STABLE_MS).
 */
export const CLICK_SETTLE_MS = 700;
