import type { PublicPath } from 'wxt/browser';

/**
 * The toolbar button's icon files by size (16 px, 32 px on high-density screens), drawn by
 * scripts/make-icons.mjs. The manifest takes them from here.
 */
type ToolbarIcon = Record<16 | 32, PublicPath>;

/** The blue tile, legible on light and dark toolbars (Chrome has no per-theme icon). */
export const TOOLBAR_ICON = { 16: '/icon/16.png', 32: '/icon/32.png' } satisfies ToolbarIcon;

/** Firefox on dark toolbars: a light tile (its `theme_icons` call this one `light`). */
export const LIGHT_TOOLBAR_ICON = {
  16: '/icon/light-16.png',
  32: '/icon/light-32.png',
} satisfies ToolbarIcon;

/** A manifest names files from the extension's root, without the leading slash. */
const fromRoot = (path: PublicPath) => path.slice(1);

export function manifestIcon(icon: ToolbarIcon): Record<16 | 32, string> {
  return { 16: fromRoot(icon[16]), 32: fromRoot(icon[32]) };
}

/**
 * Firefox's `theme_icons`: `light` is shown on dark toolbars, `dark` on light ones (MDN
 * manifest.json/browser_action; WXT's ThemeIcon docs have it the other way round).
 */
export function themeIcons(): { size: 16 | 32; light: string; dark: string }[] {
  return ([16, 32] as const).map((size) => ({
    size,
    light: fromRoot(LIGHT_TOOLBAR_ICON[size]),
    dark: fromRoot(TOOLBAR_ICON[size]),
  }));
}
