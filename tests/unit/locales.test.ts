import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

interface Placeholder {
  content: string;
  example?: string;
}
interface Message {
  message: string;
  description?: string;
  placeholders?: Record<string, Placeholder>;
}
type Messages = Record<string, Message>;

// A string, not `new URL(...)`: under happy-dom the global URL is not Node's.
const LOCALES_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../public/_locales');
const BASE = 'en';
const TRANSLATIONS = ['es', 'pt'] as const;
const ALL = [BASE, ...TRANSLATIONS];

function path(locale: string): string {
  return join(LOCALES_DIR, locale, 'messages.json');
}

function load(locale: string): Messages {
  const file = path(locale);
  if (!existsSync(file)) throw new Error(`public/_locales/${locale}/messages.json is missing`);
  return JSON.parse(readFileSync(file, 'utf8')) as Messages;
}

/** `$1`…`$9` used directly in a message (`$$` is a literal dollar sign). */
function positionalRefs(message: string): string[] {
  return [...message.replaceAll('$$', '').matchAll(/\$([1-9])(?!\$)/g)]
    .map((match) => `$${match[1]}`)
    .sort();
}

/** `$name$` placeholder references in a message, lower-cased (Chrome matches them case-insensitively). */
function namedRefs(message: string): string[] {
  return [...message.replaceAll('$$', '').matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((match) =>
    match[1]!.toLowerCase(),
  );
}

function placeholderNames(entry: Message): string[] {
  return Object.keys(entry.placeholders ?? {})
    .map((name) => name.toLowerCase())
    .sort();
}

describe('locales', () => {
  it.each(ALL)('%s/messages.json exists and is a JSON object of messages', (locale) => {
    const messages = load(locale);
    expect(typeof messages).toBe('object');
    expect(Object.keys(messages).length).toBeGreaterThan(0);
    for (const [key, entry] of Object.entries(messages)) {
      expect(key, `${locale}: key name`).toMatch(/^[A-Za-z0-9_@]+$/);
      expect(typeof entry, `${locale}.${key}`).toBe('object');
      expect(typeof entry.message, `${locale}.${key}.message`).toBe('string');
    }
  });

  it.each(TRANSLATIONS)('%s has exactly the keys of en', (locale) => {
    const base = Object.keys(load(BASE)).sort();
    const translated = Object.keys(load(locale)).sort();
    expect(
      base.filter((key) => !translated.includes(key)),
      `keys missing from ${locale}`,
    ).toEqual([]);
    expect(
      translated.filter((key) => !base.includes(key)),
      `keys in ${locale} but not in en`,
    ).toEqual([]);
  });

  it.each(ALL)('every %s message is non-empty', (locale) => {
    const empty = Object.entries(load(locale))
      .filter(([, entry]) => typeof entry.message !== 'string' || !entry.message.trim())
      .map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it.each(ALL)(
    'every placeholder declared in %s is used in its message, and every reference is declared',
    (locale) => {
      const problems: string[] = [];
      for (const [key, entry] of Object.entries(load(locale))) {
        const named = namedRefs(entry.message);
        const positional = positionalRefs(entry.message);
        for (const [name, placeholder] of Object.entries(entry.placeholders ?? {})) {
          if (typeof placeholder?.content !== 'string' || !placeholder.content) {
            problems.push(`${key}: placeholder ${name} has no content`);
            continue;
          }
          const used =
            named.includes(name.toLowerCase()) || positional.includes(placeholder.content);
          if (!used)
            problems.push(
              `${key}: placeholder ${name} (${placeholder.content}) is not used in "${entry.message}"`,
            );
        }
        for (const name of named) {
          if (!placeholderNames(entry).includes(name))
            problems.push(`${key}: $${name}$ is used but not declared`);
        }
      }
      expect(problems).toEqual([]);
    },
  );

  it.each(TRANSLATIONS)('%s declares and uses the same placeholders as en', (locale) => {
    const base = load(BASE);
    const translated = load(locale);
    const problems: string[] = [];
    for (const [key, entry] of Object.entries(base)) {
      const other = translated[key];
      if (!other) continue; // reported by the key test
      const contents = (m: Message) =>
        Object.entries(m.placeholders ?? {})
          .map(([name, p]) => `${name.toLowerCase()}=${p?.content}`)
          .sort();
      if (JSON.stringify(contents(entry)) !== JSON.stringify(contents(other))) {
        problems.push(
          `${key}: placeholders ${JSON.stringify(contents(other))} ≠ en ${JSON.stringify(contents(entry))}`,
        );
      }
      const refs = (m: Message) =>
        [...new Set([...positionalRefs(m.message), ...namedRefs(m.message)])].sort();
      if (JSON.stringify(refs(entry)) !== JSON.stringify(refs(other))) {
        problems.push(
          `${key}: uses ${JSON.stringify(refs(other))} ≠ en ${JSON.stringify(refs(entry))}`,
        );
      }
    }
    expect(problems).toEqual([]);
  });
});
