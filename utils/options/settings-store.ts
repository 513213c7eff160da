import { createSignal, onCleanup } from 'solid-js';
import type { ManagedProblem } from '../settings/resolve-settings';
import { readResolvedSettings, settingsItem, updateSettings } from '../settings/read-settings';
import { type Settings } from '../settings/settings';

/**
 * The settings as the options page shows and edits them, with what an administrator locked and
 * what in the policy was ignored. Saved as soon as they change.
 */
export function createSettingsStore() {
  const [settings, setSettings] = createSignal<Settings>();
  const [locked, setLocked] = createSignal<ReadonlySet<keyof Settings>>(new Set());
  const [problems, setProblems] = createSignal<ManagedProblem[]>([]);
  const [policyBlockedNumbers, setPolicyBlockedNumbers] = createSignal<string[]>([]);

  async function refresh(): Promise<void> {
    const resolved = await readResolvedSettings();
    setSettings(resolved.settings);
    setLocked(resolved.locked);
    setProblems(resolved.problems);
    setPolicyBlockedNumbers(resolved.policyBlockedNumbers);
  }
  void refresh();
  onCleanup(settingsItem.watch(() => void refresh()));
  const onManagedChange = (_changes: unknown, area: string) => {
    if (area === 'managed') void refresh();
  };
  browser.storage.onChanged.addListener(onManagedChange);
  onCleanup(() => browser.storage.onChanged.removeListener(onManagedChange));

  async function update(patch: Partial<Settings>): Promise<void> {
    setSettings(await updateSettings(patch));
  }

  return { settings, locked, problems, policyBlockedNumbers, update };
}

export type SettingsStore = ReturnType<typeof createSettingsStore>;
