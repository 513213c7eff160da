import type en from '../public/_locales/en/messages.json';

export type MessageKey = keyof typeof en;

/** Localized text for `key`; falls back to the key itself so a missing string is visible, not blank. */
export function t(key: MessageKey, substitutions: string[] = []): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}

/**
 * `items` joined as the messages' language joins a list ("A, B and C"). The locale comes from the
 * messages file shown (`listLocale`), not the browser: a French browser gets the English messages,
 * and an "et" inside an English sentence would read wrong.
 */
export function formatList(items: readonly string[]): string {
  const locale = browser.i18n.getMessage('listLocale' satisfies MessageKey) || undefined;
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format(items);
}
