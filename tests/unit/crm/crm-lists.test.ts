import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { fakeBrowser } from 'wxt/testing';
import { describe, expect, it, vi } from 'vitest';
import { crmDisplayNames, screenPopPresets } from '@/utils/crm/registry';
import { formatList, t } from '@/utils/i18n';
import en from '@/public/_locales/en/messages.json';
import es from '@/public/_locales/es/messages.json';
import pt from '@/public/_locales/pt/messages.json';
import { localized, type Messages } from './helpers/page';

// The registry owns the CRMs' names: the options page lists them from it, and every text that
// lists them by hand (docs) must list exactly the registry's, in its order.

const ROOT = resolve(__dirname, '../../..');
const names = crmDisplayNames();

/** How each language joins a list in this project's texts: no serial comma in English. */
const LOCALES = [
  ['en', en as Messages, 'and'],
  ['es', es as Messages, 'y'],
  ['pt', pt as Messages, 'e'],
] as const;

/** The registry's CRMs joined with `conjunction` before the last ("A, B and C"). */
function crmList(conjunction: string): string {
  return `${names.slice(0, -1).join(', ')} ${conjunction} ${names.at(-1)}`;
}

/** The registry CRMs a text names. */
function crmsNamedIn(text: string): string[] {
  return names.filter((name) => text.includes(name));
}

/**
 * A Markdown file cut into passages: paragraphs, list items, table rows and headings, each with
 * its line breaks folded into spaces.
 */
function passages(markdown: string): string[] {
  const found: string[][] = [[]];
  for (const line of markdown.split('\n')) {
    if (!line.trim() || /^\s*([-*+] |\d+\. |\||#)/.test(line)) found.push([]);
    if (line.trim()) found.at(-1)!.push(line.trim());
  }
  return found.filter((lines) => lines.length > 0).map((lines) => lines.join(' '));
}

describe('CRM names', () => {
  it('are the supported CRMs, in registry order, as agents see them', () => {
    expect(names).toEqual([
      'Salesforce',
      'HubSpot',
      'Zoho CRM',
      'Dynamics 365',
      'Pipedrive',
      'Zendesk',
      'Freshdesk',
      'Odoo',
    ]);
  });

  it('label the screen-pop presets', () => {
    expect(screenPopPresets().map((preset) => preset.name)).toEqual(names);
  });
});

describe.each(LOCALES)('CRM list in %s', (locale, messages, conjunction) => {
  it('is formatted in the language of the messages file', () => {
    expect(new Intl.Locale(messages.listLocale!.message).language).toBe(locale);
  });

  it('fills the "work without asking" hint from the registry', () => {
    expect(messages.enabledSitesHint?.placeholders?.crms?.content).toBe('$1');
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key, substitutions) =>
      localized(messages, key, [substitutions ?? []].flat().map(String)),
    );
    const hint = t('enabledSitesHint', [formatList(names)]);
    expect(hint.startsWith(`${crmList(conjunction)} `), hint).toBe(true);
  });

  it('names no two CRMs in one message by hand (lists come from the registry)', () => {
    const handWritten = Object.entries(messages)
      .filter(([, entry]) => crmsNamedIn(entry.message).length > 1)
      .map(([key]) => key);
    expect(handWritten).toEqual([]);
  });
});

/** The passages of a Markdown file that name more than one CRM, each with a short title. */
function crmListsIn(file: string): [title: string, passage: string][] {
  return passages(readFileSync(resolve(ROOT, file), 'utf8'))
    .filter((passage) => crmsNamedIn(passage).length > 1)
    .map((passage) => [`${passage.slice(0, 50)}…`, passage]);
}

// Only the files that name CRMs at all: a file that lists none has nothing to hold to the registry.
const markdownFiles = readdirSync(ROOT).filter(
  (file) => file.endsWith('.md') && crmListsIn(file).length > 0,
);

describe.each(markdownFiles)('CRM lists in %s', (file) => {
  it.each(crmListsIn(file))('name every registry CRM, in order: %s', (_title, passage) => {
    const written = LOCALES.map(([, , conjunction]) => crmList(conjunction));
    expect(
      written.some((list) => passage.includes(list)),
      passage,
    ).toBe(true);
  });
});

it.each(['README.md', 'PRIVACY.md'])('finds the CRM lists in %s', (file) => {
  expect(crmListsIn(file)).not.toEqual([]);
});
