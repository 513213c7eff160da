import type { Browser, PublicPath } from 'wxt/browser';

/**
 * The toolbar button's icon files by size (16 px, 32 px on high-density screens), drawn by
 * scripts/make-icons.mjs. The manifest and the status badge both take them from here.
 */
type ToolbarIcon = Record<16 | 32, PublicPath>;

/** The blue tile, legible on light and dark toolbars (Chrome has no per-theme icon). */
export const TOOLBAR_ICON = { 16: '/icon/16.png', 32: '/icon/32.png' } satisfies ToolbarIcon;

/** Firefox on dark toolbars: a light tile (its `theme_icons` call this one `light`). */
export const LIGHT_TOOLBAR_ICON = {
  16: '/icon/light-16.png',
  32: '/icon/light-32.png',
} satisfies ToolbarIcon;

/** Grey: logged out, or the phone cannot take calls. */
export const MUTED_TOOLBAR_ICON = {
  16: '/icon/muted-16.png',
  32: '/icon/muted-32.png',
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

/**
 * What `setIcon` gets for the muted or the normal icon. A path replaces the manifest's icon and
 * its theme icons alike, so Firefox returns to normal with `{}`, which resets to the manifest's
 * (https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/API/browserAction/setIcon).
 * Chrome rejects `{}` ("Either the path or imageData property must be specified"): the path.
 */
export function toolbarIconDetails(
  muted: boolean,
  firefox: boolean,
): Browser.action.TabIconDetails {
  if (muted) return { path: MUTED_TOOLBAR_ICON };
  // The types come from Chrome's and do not know Firefox's reset.
  return firefox ? ({} as Browser.action.TabIconDetails) : { path: TOOLBAR_ICON };
}
