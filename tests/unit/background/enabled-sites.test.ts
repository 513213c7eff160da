import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { disableSite, enableSite } from '@/utils/background/enabled-sites';
import { readSettings } from '@/utils/settings/read-settings';

const POLICY_SITES = ['https://crm.acme.example'];

beforeEach(async () => {
  fakeBrowser.reset();
  await fakeBrowser.storage.managed.set({
    enabledSites: POLICY_SITES,
    lockedSettings: ['enabledSites'],
  });
});

describe('enabled sites locked by policy', () => {
  it.each([
    ['enabling another site', () => enableSite('https://evil.example')],
    ['disabling a site of the policy', () => disableSite('https://crm.acme.example')],
  ])('%s is refused (errorSitesLocked), and nothing is registered or revoked', async (_l, act) => {
    const contains = vi.fn();
    const remove = vi.fn();
    fakeBrowser.permissions.contains = contains;
    fakeBrowser.permissions.remove = remove;

    await expect(act()).rejects.toMatchObject({ key: 'errorSitesLocked' });

    expect(contains).not.toHaveBeenCalled();
    expect(remove).not.toHaveBeenCalled();
    expect((await readSettings()).enabledSites).toEqual(POLICY_SITES);
  });
});
