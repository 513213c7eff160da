import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import wxtAutoImports from './.wxt/eslint-auto-imports.mjs';

const PRODUCT_CODE = ['utils/**', 'components/**', 'entrypoints/**'];
// Below every extension context: no extension API (the layering, .dependency-cruiser.cjs).
const PURE_CODE = [
  'utils/sip/**',
  'utils/phone-numbers/**',
  'utils/dial-plan/**',
  'utils/untrusted-text.ts',
];

// WXT auto-imports (`wxt prepare` lists them) are globals, invisible to the layering check: product
// code imports everything explicitly except these.
const ALLOWED_AUTO_IMPORTS = new Set([
  'browser',
  'Browser',
  'defineBackground',
  'defineContentScript',
]);
const explicitImportsOnly = Object.keys(wxtAutoImports.languageOptions.globals)
  .filter((name) => !ALLOWED_AUTO_IMPORTS.has(name))
  .map((name) => ({
    name,
    message: 'Import it: WXT auto-imports are invisible to `npm run lint:layers`.',
  }));
const noExtensionApi = ['browser', 'Browser', 'chrome'].map((name) => ({
  name,
  message:
    'sip, phone-numbers, dial-plan and untrusted-text use no extension API: take it as an argument.',
}));

export default tseslint.config(
  {
    ignores: [
      '.output/',
      '.wxt/',
      'node_modules/',
      'tests/e2e/artifacts/',
      'bench/results.json',
      // Deliberately wrong code for tests/unit/layering.test.ts.
      'tests/fixtures/layering/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/no-floating-promises': 'off',
      // Console output goes through utils/debug-console.ts, behind the debug setting (debug-log.ts).
      'no-console': 'error',
    },
  },
  {
    files: PRODUCT_CODE,
    rules: { 'no-restricted-globals': ['error', ...explicitImportsOnly] },
  },
  {
    files: PURE_CODE,
    rules: { 'no-restricted-globals': ['error', ...explicitImportsOnly, ...noExtensionApi] },
  },
  {
    files: ['utils/debug-console.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    // Test and tooling code reports to the terminal.
    files: ['tests/**', 'scripts/**', 'bench/**'],
    rules: { 'no-console': 'off' },
  },
);
