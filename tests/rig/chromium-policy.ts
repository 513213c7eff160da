import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CHROMIUM_ETC = '/etc/chromium';

/** Chromium's id for an unpacked extension: SHA-256 of its path, first 32 hex digits as a–p. */
export function unpackedExtensionId(path: string): string {
  const hex = createHash('sha256').update(path).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

/**
 * Gives Chromium an enterprise policy, as Google Admin or /etc/chromium/policies/managed/*.json
 * would, without touching the machine: a copy of /etc/chromium with the policy in it is
 * bind-mounted over /etc/chromium inside the test's own mount namespace (scripts/run-e2e.mjs
 * runs the suite in one), so only the browsers this test starts see it.
 */
export function installChromiumPolicy(policy: object): () => void {
  if (process.env.UCT_NETNS !== '1')
    throw new Error('Chromium policy needs the test namespace (scripts/run-e2e.mjs)');
  const root = mkdtempSync(join(tmpdir(), 'uct-chromium-etc-'));
  for (const file of ['master_preferences']) {
    if (existsSync(join(CHROMIUM_ETC, file)))
      copyFileSync(join(CHROMIUM_ETC, file), join(root, file));
  }
  mkdirSync(join(root, 'policies', 'managed'), { recursive: true });
  writeFileSync(join(root, 'policies', 'managed', 'ucontact-test.json'), JSON.stringify(policy));
  if (!existsSync(CHROMIUM_ETC)) mkdirSync(CHROMIUM_ETC, { recursive: true });
  execFileSync('mount', ['--bind', root, CHROMIUM_ETC]);
  return () => execFileSync('umount', [CHROMIUM_ETC]);
}
