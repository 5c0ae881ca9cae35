// ESLint flat config: typescript-eslint's type-aware rules for src/ and the tests (a floating
// promise in this action is a step that ends before its push), the jest plugin for the tests.
import js from '@eslint/js';
import jest from 'eslint-plugin-jest';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', '.demo/'] },
  js.configs.recommended,
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { project: './tsconfig.test.json', tsconfigRootDir: import.meta.dirname }
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Matching control characters is the point of the log and name quoting code.
      'no-control-regex': 'off'
    }
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-control-regex': 'off', 'no-unused-vars': ['error', { varsIgnorePattern: '^_' }] }
  },
  {
    // The emulator keeps pull requests, comments and request bodies as GitHub's JSON (`Stored`);
    // it checks them field by field as GitHub does, so typing every field would add nothing.
    files: ['test-support/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off'
    }
  },
  {
    files: ['__tests__/**/*.ts'],
    ...jest.configs['flat/recommended'],
    rules: {
      ...jest.configs['flat/recommended'].rules,
      // e2e tests assert inside shared helpers (expectPublished(...)), which the rule cannot see.
      'jest/expect-expect': 'off',
      // Table-driven cases assert what applies to each row.
      'jest/no-conditional-expect': 'off',
      // Emulator hooks take async callbacks whether or not they await.
      '@typescript-eslint/require-await': 'off',
      // Tests read JSON the emulator and the action wrote; typing every answer would add nothing.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off'
    }
  }
);
