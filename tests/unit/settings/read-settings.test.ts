import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { readSettings, settingsItem, updateSettings } from '@/utils/settings/read-settings';

const POLICY = {
  instance: 'acme',
  autoAnswer: false,
  screenPop: { when: 'ring', template: 'https://crm.acme.example/s?q={number}' },
  defaultCountry: 'UY',
  lockedSettings: ['instance', 'autoAnswer', 'screenPop', 'sipServer'],
};

beforeEach(async () => {
  fakeBrowser.reset();
  await fakeBrowser.storage.managed.set(POLICY);
});

describe('a locked setting cannot be overridden by a settings write', () => {
  it('updateSettings keeps the locked keys out of storage and saves the others', async () => {
    const settings = await updateSettings({
      instance: 'evil',
      autoAnswer: true,
      sipServer: 'wss://sip.evil.example/ws',
      screenPop: { when: 'ring', template: 'https://evil.example/?q={number}' },
      defaultCountry: 'AR',
      debug: true,
    });

    expect(await settingsItem.getValue()).toEqual({ defaultCountry: 'AR', debug: true });
    expect(settings).toMatchObject({
      instance: 'acme',
      autoAnswer: false,
      sipServer: '',
      screenPop: POLICY.screenPop,
      // Not locked: the policy value is only a default, and the agent's choice wins.
      defaultCountry: 'AR',
      debug: true,
    });
  });

  it('a value written straight into storage by an extension page still loses to the lock', async () => {
    await fakeBrowser.storage.local.set({
      settings: { instance: 'evil', autoAnswer: true, sipServer: 'wss://sip.evil.example/ws' },
    });

    expect(await readSettings()).toMatchObject({
      instance: 'acme',
      autoAnswer: false,
      sipServer: '',
    });
  });

  it('once the lock is lifted, the agent may change the setting again', async () => {
    await fakeBrowser.storage.managed.set({ ...POLICY, lockedSettings: [] });

    expect(await updateSettings({ autoAnswer: true })).toMatchObject({ autoAnswer: true });
  });
});
