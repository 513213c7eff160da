import { storage } from '#imports';
import { resolveSettings, splitManagedStorage, type ResolvedSettings } from './resolve-settings';
import { DEFAULT_SETTINGS, type Settings } from './settings';

/**
 * Only what the agent changed: a policy default (managed storage) applies to every setting the
 * agent never touched. Read settings through `readSettings()`, change them with `updateSettings()`.
 * This item lives with the settings model rather than in `storage.ts`, so that the model sits
 * below everything that reads it (storage.ts imports nothing from here).
 */
export const settingsItem = storage.defineItem<Partial<Settings>>('local:settings', {
  fallback: {},
});

/** What an administrator set by policy (Chrome: `storage.managed_schema`; Firefox: policies.json). */
async function readManaged(): Promise<unknown> {
  // Firefox rejects when no policy exists; some browsers have no managed area at all.
  return (await browser.storage.managed?.get().catch(() => ({}))) ?? {};
}

/** Settings resolved from policy, the agent's choices and the built-ins (see `resolveSettings`). */
export async function readResolvedSettings(): Promise<ResolvedSettings> {
  const [managed, user] = await Promise.all([readManaged(), settingsItem.getValue()]);
  return resolveSettings({
    builtIn: DEFAULT_SETTINGS,
    managed: splitManagedStorage(managed),
    user,
  });
}

/** The settings in force, every field present. */
export async function readSettings(): Promise<Settings> {
  return (await readResolvedSettings()).settings;
}

/**
 * `readSettings` for a long-lived context (the background): resolved once, then again only after
 * the agent's settings or the policy changed, so a click's dial does not wait for two storage
 * reads and every policy check.
 */
export function cachedSettingsReader(): () => Promise<Settings> {
  let current: Promise<Settings> | undefined;
  const forget = (changes: Record<string, unknown>, area: string) => {
    if (area === 'managed' || (area === 'local' && 'settings' in changes)) current = undefined;
  };
  browser.storage.onChanged.addListener(forget);
  return () => {
    const reading = (current ??= readSettings());
    // A failed read is not kept: the next caller tries again.
    reading.catch(() => {
      if (current === reading) current = undefined;
    });
    return reading;
  };
}

/** Saves the agent's changes; settings an administrator locked are left as the policy says. */
export async function updateSettings(patch: Partial<Settings>): Promise<Settings> {
  const { locked } = await readResolvedSettings();
  const allowed = Object.fromEntries(
    Object.entries(patch).filter(([key]) => !locked.has(key as keyof Settings)),
  );
  await settingsItem.setValue({ ...(await settingsItem.getValue()), ...allowed });
  return readSettings();
}

/**
 * Calls `onChange` with the settings in force whenever the agent's choices or the policy change;
 * returns the unwatch function.
 */
export function watchSettings(onChange: (settings: Settings) => void): () => void {
  const refresh = () => void readSettings().then(onChange);
  const unwatch = settingsItem.watch(refresh);
  const onManaged = (_changes: unknown, area: string) => {
    if (area === 'managed') refresh();
  };
  browser.storage.onChanged.addListener(onManaged);
  return () => {
    unwatch();
    browser.storage.onChanged.removeListener(onManaged);
  };
}
