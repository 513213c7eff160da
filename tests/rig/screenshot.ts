import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Git-ignored folder for pictures of what the tests saw. */
export const ARTIFACTS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../e2e/artifacts');

/** What playwright's and puppeteer's pages both offer. */
interface Screenshottable {
  screenshot(options: { path: string; fullPage: boolean }): Promise<unknown>;
}

/** Saves a full-page PNG as tests/e2e/artifacts/<name>.png and returns its path. */
export async function screenshot(page: Screenshottable, name: string): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const path = join(ARTIFACTS_DIR, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
