import js from '@eslint/js';
import react from 'eslint-plugin-react';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Punctuation, symbols and separators, the same in every language (no letters, so nothing to translate). */
const JSX_ALLOWED = ['·', '(', ')', '×', '←', '↑', '↓', '▾'];
/** Props whose text is read or spoken to the user. */
const READ_PROPS =
  '/^(aria-label|aria-description|aria-roledescription|aria-valuetext|aria-placeholder|title|placeholder|alt|label)$/';

const nodeOnly = ['electron', 'node:*', 'fs', 'path', 'os', 'child_process', 'better-sqlite3'];

export default tseslint.config(
  {
    ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.bench/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: nodeOnly, message: 'The renderer never touches Electron or Node.' }] },
      ],
    },
  },
  {
    // Words a user reads come from the catalogue, in their language; JSX may hold only what reads
    // the same in every language.
    files: ['src/renderer/**/*.tsx'],
    ignores: ['src/renderer/**/*.test.tsx'],
    plugins: { react },
    rules: {
      'react/jsx-no-literals': ['error', { noStrings: true, ignoreProps: true, allowedStrings: JSX_ALLOWED }],
      // ignoreProps spares classes, roles and ids; the props a user reads or hears are checked here.
      'no-restricted-syntax': [
        'error',
        {
          selector: `JSXAttribute[name.name=${READ_PROPS}] > Literal[value=/\\p{L}/u], JSXAttribute[name.name=${READ_PROPS}] > JSXExpressionContainer > :matches(Literal[value=/\\p{L}/u], TemplateLiteral)`,
          message: 'Text a user reads or hears comes from the catalogue (t(...)), in their language.',
        },
      ],
    },
  },
  {
    files: [
      'src/main/services/**/*.ts',
      'src/main/db/**/*.ts',
      'src/node/**/*.ts',
      'src/server/**/*.ts',
      'src/shared/**/*.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'Services, the server and shared code run without Electron.' },
          ],
        },
      ],
    },
  },
);
