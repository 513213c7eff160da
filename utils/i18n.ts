import type en from '../public/_locales/en/messages.json';

export type MessageKey = keyof typeof en;

/** Localized text for `key`; falls back to the key itself so a missing string is visible, not blank. */
export function t(key: MessageKey, substitutions: string[] = []): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}
