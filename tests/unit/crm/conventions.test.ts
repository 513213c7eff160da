import { existsSync, readdirSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CrmAdapter } from '@/utils/crm/adapter';
import { ADAPTERS, crmMatchPatterns } from '@/utils/crm/registry';
import en from '@/public/_locales/en/messages.json';
import es from '@/public/_locales/es/messages.json';
import pt from '@/public/_locales/pt/messages.json';
import { fixturePath } from './helpers/fixtures';

const ROOT = resolve(__dirname, '../../..');
const ADAPTER_DIR = resolve(ROOT, 'utils/crm/adapters');
const adapterFiles = readdirSync(ADAPTER_DIR)
  .filter((file) => file.endsWith('.ts'))
  .map((file) => basename(file, '.ts'));

/** Each adapter module, by file name (eager, so a module that fails to load fails here). */
const modules = import.meta.glob<Record<string, CrmAdapter>>('@/utils/crm/adapters/*.ts', {
  eager: true,
});

function adapterInFile(id: string): CrmAdapter | undefined {
  const entry = Object.entries(modules).find(([path]) => basename(path, '.ts') === id);
  return entry && Object.values(entry[1]).find((value) => typeof value === 'object');
}

describe('CRM adapter conventions', () => {
  it('finds the adapter files', () => {
    expect(adapterFiles.length).toBeGreaterThanOrEqual(9);
  });

  describe.each(adapterFiles)('%s', (id) => {
    it('exports an adapter whose id is its file name', () => {
      expect(adapterInFile(id)?.id).toBe(id);
    });

    it('is listed in the registry', () => {
      expect(ADAPTERS.map((adapter) => adapter.id)).toContain(id);
    });

    it(`has a fixture page (tests/fixtures/crm/${id}.html)`, () => {
      expect(existsSync(fixturePath(id))).toBe(true);
    });

    it(`has a test (tests/unit/crm/${id}.test.ts)`, () => {
      expect(existsSync(resolve(__dirname, `${id}.test.ts`))).toBe(true);
    });

    it('has selectors that parse', () => {
      const adapter = adapterInFile(id)!;
      for (const selector of [
        adapter.exclude,
        adapter.phoneFields,
        adapter.phoneInputs,
        adapter.phoneLinks,
      ]) {
        if (selector) expect(() => document.querySelector(selector)).not.toThrow();
      }
    });
  });

  it('registers no adapter without a file, and each only once', () => {
    const ids = ADAPTERS.map((adapter) => adapter.id);
    expect([...ids].sort()).toEqual([...adapterFiles].sort());
  });

  it('keeps the generic adapter last, as the fallback', () => {
    expect(ADAPTERS.at(-1)?.id).toBe('generic');
    expect(ADAPTERS.at(-1)?.matches).toEqual([]);
  });

  it('declares every CRM host and application path the testability contract lists', () => {
    const patterns = crmMatchPatterns();
    const required = [
      'https://*.lightning.force.com/*',
      'https://*.my.salesforce.com/*',
      'https://app.hubspot.com/*',
      ...['com', 'eu', 'in', 'com.au', 'com.cn', 'jp', 'ca', 'sa'].map(
        (d) => `https://crm.zoho.${d}/*`,
      ),
      'https://*.crm.dynamics.com/*',
      ...Array.from({ length: 20 }, (_, i) => `https://*.crm${i + 2}.dynamics.com/*`),
      'https://*.pipedrive.com/*',
      'https://*.zendesk.com/agent/*',
      'https://*.freshdesk.com/a/*',
      'https://*.odoo.com/odoo/*',
      // CONTRACT.md's `*.odoo.com/web*`, less the website pages whose names start with "web"
      // (README "Permissions").
      'https://*.odoo.com/web',
      'https://*.odoo.com/web?*',
      'https://*.odoo.com/web/*',
    ];
    expect(patterns).toEqual(expect.arrayContaining(required));
  });

  // Which pages each adapter takes, and which none: match-patterns.test.ts.
});

describe('call button strings', () => {
  it('names the button "Call <number>" in English, as the testability contract requires', () => {
    expect(en.callButtonLabel.message).toBe('Call $NUMBER$');
  });

  it.each([
    ['es', es],
    ['pt', pt],
  ])('has every call button string in %s', (_locale, messages) => {
    for (const key of [
      'callButtonLabel',
      'callButtonTitle',
      'callButtonDialing',
      'callButtonInCall',
    ]) {
      expect(messages).toHaveProperty([key, 'placeholders', 'number', 'content'], '$1');
    }
  });
});
