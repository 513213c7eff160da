import { fakeBrowser } from 'wxt/testing';

const AREAS = ['local', 'session', 'sync', 'managed'] as const;
export type AreaName = (typeof AREAS)[number];

/** Everything every storage area holds, as the browser would serialize it. */
export async function storageSnapshot(): Promise<Record<AreaName, Record<string, unknown>>> {
  const entries = await Promise.all(
    AREAS.map(async (area) => [area, await fakeBrowser.storage[area].get(null)] as const),
  );
  return Object.fromEntries(entries) as Record<AreaName, Record<string, unknown>>;
}

/** The snapshot as one string, to look for secrets anywhere. */
export async function storageText(): Promise<string> {
  return JSON.stringify(await storageSnapshot());
}
