import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output/', '.wxt/', 'node_modules/', 'tests/e2e/artifacts/', 'bench/results.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/no-floating-promises': 'off',
      'no-console': ['error', { allow: ['debug', 'error', 'warn'] }],
    },
  },
  {
    // Test and tooling code reports to the terminal.
    files: ['tests/**', 'scripts/**', 'bench/**'],
    rules: { 'no-console': 'off' },
  },
);
