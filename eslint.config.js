// Lint for the whole project, run by `npm test`: typescript-eslint's type-checked rules (no floating or
// misused promises above all — an unhandled rejection ends browser mode) and the Svelte plugin.
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['eslint.config.js', 'out/**', 'node_modules/**', 'packages/*/build/**', '.scratch/**', 'test-results/**', 'playwright-report/**', '**/*.cjs'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
        extraFileExtensions: ['.svelte'],
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // `void promise` is how a deliberate fire-and-forget is marked (its errors handled inside).
      'no-void': 'off',
      // Handlers and adapters are async by contract (the channel map, EngineAdapter) whether or not
      // their body awaits; the promise rules above are what keep rejections handled.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // Tests read JSON off real sockets and engines: its values are `any` by nature, and a message's
    // text is known to be text. Production code keeps every rule.
    files: ['**/*.test.ts', 'e2e/**/*.ts', 'tests/**/*.ts', 'packages/*/test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-base-to-string': 'off',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: { parser: tseslint.parser },
    },
  },
);
