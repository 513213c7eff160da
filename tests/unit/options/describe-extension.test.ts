import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { describeExtension } from '@/utils/options/describe-extension';
import { useEnglishMessages } from '../background/calls/helpers/call-views';

describe('describeExtension (the options page About card)', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    useEnglishMessages();
    // The fake browser has no manifest; Chrome returns it as written, `__MSG_…__` names included.
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
      manifest_version: 3,
      name: '__MSG_extName__',
      version: '4.5.6',
    });
  });

  it('shows the localized name and the manifest version', () => {
    const about = describeExtension();
    expect(about.name).toBe('uContact Click-to-Call');
    expect(about.version).toBe('4.5.6');
  });

  it('sums up what is stored where and what leaves the machine', () => {
    const summary = describeExtension().privacy.join(' ');
    expect(summary).toContain('local extension storage');
    expect(summary).toContain('only in memory');
    expect(summary).toContain('Your password is never stored');
    expect(summary).toContain('only to your own uContact instance');
    expect(summary).toContain('No analytics and no third parties');
    expect(describeExtension().privacyFull).toContain('full privacy statement');
  });
});
