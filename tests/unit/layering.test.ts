// @vitest-environment node
// The layering rules (.dependency-cruiser.cjs, and the globals part in eslint.config.js) against small
// trees laid out like the product: tests/fixtures/layering/clean breaks none, /wrong breaks each once.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURES = join(ROOT, 'tests/fixtures/layering');

type Violation = { rule: string; from: string; to: string };

/** Cruises a fixture tree with the project's own rules and options, paths relative to the tree. */
async function violations(tree: 'clean' | 'wrong'): Promise<Violation[]> {
  const baseDir = join(FIXTURES, tree);
  const tsConfigFile = join(baseDir, 'tsconfig.json');
  const hasTsConfig = existsSync(tsConfigFile);
  const options = await extractDepcruiseOptions(join(ROOT, '.dependency-cruiser.cjs'));
  const result = await cruise(
    ['.'],
    { ...options, baseDir, tsConfig: hasTsConfig ? { fileName: tsConfigFile } : undefined },
    {},
    { tsConfig: hasTsConfig ? extractTSConfig(tsConfigFile) : undefined },
  );
  return (result.output as ICruiseResult).summary.violations.map((violation) => ({
    rule: violation.rule.name,
    from: violation.from,
    // Packages resolve from the repo's node_modules, above the tree.
    to: violation.to.replace(/^(\.\.\/)+node_modules\//, 'node_modules/'),
  }));
}

// [the deliberately wrong import, rule, from, to]
const WRONG: [string, string, string, string][] = [
  ['sip imports storage', 'pure-no-storage', 'utils/sip/phone.ts', 'utils/storage.ts'],
  ['sip imports #imports', 'pure-no-extension-api', 'utils/sip/transport.ts', '#imports'],
  [
    'phone-numbers imports a type from wxt/browser',
    'pure-no-extension-api',
    'utils/phone-numbers/default-country.ts',
    'node_modules/wxt/dist/browser.d.mts',
  ],
  [
    'dial-plan imports the message contract (type only)',
    'pure-no-messaging',
    'utils/dial-plan/dial-target.ts',
    'utils/messages.ts',
  ],
  [
    'the untrusted-text cleaners import the message contract (type only)',
    'pure-no-messaging',
    'utils/untrusted-text.ts',
    'utils/messages.ts',
  ],
  [
    'sip imports background code',
    'pure-no-context-code',
    'utils/sip/call.ts',
    'utils/background/badge.ts',
  ],
  [
    'the content script reaches session-storage through two modules',
    'content-script-no-secrets',
    'entrypoints/crm.content/index.ts',
    'utils/session-storage.ts',
  ],
  [
    'a content-script module imports a number reader (code, not a type)',
    'content-script-no-number-reading',
    'utils/crm/scanner.ts',
    'utils/phone-numbers/default-country.ts',
  ],
  [
    'the popup reaches utils/ucontact/agent-login.ts through its component and store',
    'popup-no-ucontact-client',
    'entrypoints/popup/main.tsx',
    'utils/ucontact/agent-login.ts',
  ],
  [
    'utils/popup and utils/options import each other (no module cycle)',
    'no-folder-cycles',
    'utils/popup',
    'utils/options',
  ],
  [
    'settings imports background code',
    'settings-no-higher-layers',
    'utils/settings/resolve-settings.ts',
    'utils/background/badge.ts',
  ],
  [
    'two dial-plan modules import types from each other',
    'no-circular',
    'utils/dial-plan/dial-plan-rules.ts',
    'utils/dial-plan/dial-plan.ts',
  ],
  ['an import nothing resolves', 'no-unresolvable', 'components/Broken.tsx', '@/utils/not-there'],
];

describe('layering rules (dependency-cruiser)', () => {
  let wrong: Violation[];
  beforeAll(async () => {
    wrong = await violations('wrong');
  }, 30_000);

  it.each(WRONG)('%s: %s', (_what, rule, from, to) => {
    expect(wrong).toContainEqual({ rule, from, to });
  });

  it('reports nothing else in the wrong tree', () => {
    // A folder cycle is reported from both folders.
    const expected = [
      ...WRONG.map(([, rule, from, to]) => ({ rule, from, to })),
      { rule: 'no-folder-cycles', from: 'utils/options', to: 'utils/popup' },
    ];
    expect(wrong).toHaveLength(expected.length);
    expect(wrong).toEqual(expect.arrayContaining(expected));
  });

  it('reports nothing in a clean tree (with `@/` imports, phone-state and instance.ts shared)', async () => {
    expect(await violations('clean')).toEqual([]);
  }, 30_000);
});

describe('layering rules (ESLint globals)', () => {
  const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: join(ROOT, 'eslint.config.js') });

  /** The rules that fire on `code` when it sits at `filePath` in the project. */
  async function firedRules(code: string, filePath: string): Promise<(string | null)[]> {
    const [result] = await eslint.lintText(code, { filePath: join(ROOT, filePath) });
    return result!.messages.map((message) => message.ruleId);
  }

  it('forbids the `browser` global in utils/sip', async () => {
    const code = readFileSync(join(FIXTURES, 'wrong/utils/sip/extension-id.ts'), 'utf8');
    expect(await firedRules(code, 'utils/sip/extension-id.ts')).toEqual(['no-restricted-globals']);
    // The same code is fine where the extension API belongs.
    expect(await firedRules(code, 'utils/crm/extension-id.ts')).toEqual([]);
  }, 30_000);

  it('forbids the `chrome` global in utils/phone-numbers and utils/dial-plan', async () => {
    const code = 'export const id = () => chrome.runtime.id;\n';
    expect(await firedRules(code, 'utils/phone-numbers/x.ts')).toEqual(['no-restricted-globals']);
    expect(await firedRules(code, 'utils/dial-plan/x.ts')).toEqual(['no-restricted-globals']);
  });

  it('forbids a WXT auto-import of project code (invisible to the cruiser)', async () => {
    const code = 'export const read = () => credentialsItem.getValue();\n';
    expect(await firedRules(code, 'entrypoints/crm.content/x.ts')).toEqual([
      'no-restricted-globals',
    ]);
  });

  it('allows console only in utils/debug-console.ts', async () => {
    const code = "console.debug('[uContact]');\n";
    expect(await firedRules(code, 'utils/crm/x.ts')).toEqual(['no-console']);
    expect(await firedRules(code, 'components/X.tsx')).toEqual(['no-console']);
    expect(await firedRules(code, 'utils/debug-console.ts')).toEqual([]);
    expect(await firedRules(code, 'utils/debug-log.ts')).toEqual(['no-console']);
  });
});
