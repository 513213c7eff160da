import { createSignal, onCleanup } from 'solid-js';
import { readSettings, settingsItem, updateSettings, type Settings } from '../storage';

/** The settings as the options page shows and edits them; saved as soon as they change. */
export function createSettingsStore() {
  const [settings, setSettings] = createSignal<Settings>();
  void readSettings().then(setSettings);
  onCleanup(settingsItem.watch(() => void readSettings().then(setSettings)));

  async function update(patch: Partial<Settings>): Promise<void> {
    setSettings(await updateSettings(patch));
  }

  return { settings, update };
}

export type SettingsStore = ReturnType<typeof createSettingsStore>;
