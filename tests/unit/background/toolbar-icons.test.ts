import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ConfigEnv, UserManifest } from 'wxt';
import config from '@/wxt.config';
import {
  LIGHT_TOOLBAR_ICON,
  MUTED_TOOLBAR_ICON,
  TOOLBAR_ICON,
  toolbarIconDetails,
} from '@/utils/background/toolbar-icons';

// A string, not `new URL(...)`: under happy-dom the global URL is not Node's.
const PUBLIC = join(dirname(fileURLToPath(import.meta.url)), '../../../public');

type ToolbarButton = {
  default_icon?: Record<string, string>;
  theme_icons?: { size: number; light: string; dark: string }[];
};

async function manifestFor(browser: 'chrome' | 'firefox'): Promise<UserManifest> {
  const env: ConfigEnv = {
    browser,
    manifestVersion: browser === 'firefox' ? 2 : 3,
    mode: 'production',
    command: 'build',
  };
  const manifest = config.manifest;
  return typeof manifest === 'function' ? manifest(env) : (manifest ?? {});
}

function toolbarButton(manifest: UserManifest): ToolbarButton {
  const keys = manifest as Record<'action' | 'browser_action', ToolbarButton | undefined>;
  return keys.action ?? keys.browser_action ?? {};
}

/** The width and height a PNG's header gives (IHDR, right after the signature). */
function pngSize(path: string): [number, number] {
  const png = readFileSync(join(PUBLIC, path));
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

/** `{ size: path }` as [path, size] pairs, paths from the extension's root. */
function iconFiles(icon: Record<string, string>): [string, number][] {
  return Object.entries(icon).map(([size, path]) => [path.replace(/^\//, ''), Number(size)]);
}

describe('toolbar icon files', () => {
  it.each(['chrome', 'firefox'] as const)(
    'the %s manifest names files that exist, at the size it says',
    async (browser) => {
      const button = toolbarButton(await manifestFor(browser));
      const files = [
        ...iconFiles(button.default_icon ?? {}),
        ...(button.theme_icons ?? []).flatMap(({ size, light, dark }): [string, number][] => [
          [light, size],
          [dark, size],
        ]),
      ];

      expect(files.length).toBeGreaterThan(0);
      for (const [path, size] of files) expect(pngSize(path), path).toEqual([size, size]);
    },
  );

  it('Firefox shows the light icon on dark toolbars, the blue tile on light ones', async () => {
    expect(toolbarButton(await manifestFor('firefox')).theme_icons).toEqual([
      { size: 16, light: 'icon/light-16.png', dark: 'icon/16.png' },
      { size: 32, light: 'icon/light-32.png', dark: 'icon/32.png' },
    ]);
    expect(toolbarButton(await manifestFor('chrome')).theme_icons).toBeUndefined();
  });

  it('the icons the badge sets exist, at the size they say', () => {
    for (const icon of [TOOLBAR_ICON, MUTED_TOOLBAR_ICON, LIGHT_TOOLBAR_ICON]) {
      for (const [path, size] of iconFiles(icon)) expect(pngSize(path), path).toEqual([size, size]);
    }
  });

  it('the extension icon comes in every size the stores and browsers ask for', () => {
    for (const size of [16, 32, 48, 96, 128]) {
      expect(pngSize(`icon/${size}.png`)).toEqual([size, size]);
    }
  });
});

describe('toolbar icon for setIcon', () => {
  it('is the grey one while muted, in either browser', () => {
    expect(toolbarIconDetails(true, false)).toEqual({ path: MUTED_TOOLBAR_ICON });
    expect(toolbarIconDetails(true, true)).toEqual({ path: MUTED_TOOLBAR_ICON });
  });

  it("is, in Firefox, a reset to the manifest's icon, which brings back its theme icons", () => {
    expect(toolbarIconDetails(false, true)).toEqual({});
  });

  it('is, in Chrome (which rejects a reset), the blue tile', () => {
    expect(toolbarIconDetails(false, false)).toEqual({ path: TOOLBAR_ICON });
  });
});
