import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';

beforeEach(() => {
  fakeBrowser.reset();
  vi.resetModules();
});

async function freshDebugLog() {
  return (await import('@/utils/debug-log')).debugLog;
}

describe('debugLog', () => {
  it('reads no setting until something is logged', async () => {
    // Reading the settings in force reads the policy; defining the storage item alone does not.
    const policy = vi.spyOn(fakeBrowser.storage.managed, 'get');
    const debugLog = await freshDebugLog();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(policy).not.toHaveBeenCalled();
    debugLog('now');
    await vi.waitFor(() => expect(policy).toHaveBeenCalledTimes(1));
  });

  it('prints lines logged before the setting was read, once it says debug is on', async () => {
    await fakeBrowser.storage.local.set({ settings: { debug: true } });
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => undefined);
    const debugLog = await freshDebugLog();
    debugLog('first', 1);
    await vi.waitFor(() => expect(debug).toHaveBeenCalledWith('[uContact]', 'first', 1));
    debugLog('second');
    expect(debug).toHaveBeenLastCalledWith('[uContact]', 'second');
  });

  it('prints nothing with debug off', async () => {
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => undefined);
    const debugLog = await freshDebugLog();
    debugLog('early');
    await new Promise((resolve) => setTimeout(resolve, 10));
    debugLog('late');
    expect(debug).not.toHaveBeenCalled();
  });
});
