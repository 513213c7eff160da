import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// A string, not `new URL(...)`: under happy-dom the global URL is not Node's.
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const storeListing = readme.slice(
  readme.indexOf('## Store listing'),
  readme.indexOf('## Permissions'),
);

/** The Chrome Web Store cuts a manifest description at 132 characters. */
const CHROME_DESCRIPTION_LIMIT = 132;

function extDescription(locale: string): string {
  const file = join(ROOT, 'public/_locales', locale, 'messages.json');
  const messages = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { message: string }>;
  return messages.extDescription!.message;
}

describe('store listing', () => {
  it.each(['en', 'es', 'pt'])(
    "the %s short description is the manifest description, within Chrome's limit",
    (locale) => {
      const description = extDescription(locale);
      expect(description.length).toBeLessThanOrEqual(CHROME_DESCRIPTION_LIMIT);
      expect(storeListing).toContain(`: ${description}\n`);
    },
  );

  it('links the privacy statement', () => {
    expect(storeListing).toContain('(PRIVACY.md)');
  });
});
