import { readFileSync } from 'node:fs';

export type Messages = Record<string, { message: string }>;

/** A locale's messages.json, for specs that find controls by another language's names. */
export function messagesOf(language: string): Messages {
  return JSON.parse(
    readFileSync(
      new URL(`../../../public/_locales/${language}/messages.json`, import.meta.url),
      'utf8',
    ),
  ) as Messages;
}
