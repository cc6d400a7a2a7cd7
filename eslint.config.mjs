// Lint for the whole repository: `npm run lint` (run by scripts/test.sh). Layout is Prettier's
// (.prettierrc.json); the line limit is the one layout rule ESLint keeps, as a hard ceiling.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.local/**', 'coverage/**', 'apps/query/src/dashboard/public/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      'max-len': ['error', { code: 160, ignoreUrls: true, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      // NUL and other control characters are refused at the doors by regular expressions, on purpose.
      'no-control-regex': 'off',
    },
  },
  {
    // Libraries and apps reach a library through its entry point, `@lib/<name>`, never by a relative path into its src.
    files: ['apps/**/*.ts', 'libs/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+(libs/[^/]+|[a-z0-9-]+/src)(/|$)',
              message: 'Import another library through its @lib/* alias (tsconfig.json paths), not by a relative path into its src.',
            },
          ],
        },
      ],
    },
  },
  {
    // Tests read untyped JSON answers and feed deliberately out-of-range numbers to the validators.
    files: ['**/*.spec.ts', 'test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', 'no-loss-of-precision': 'off' },
  },
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    languageOptions: {
      globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly', console: 'readonly', Buffer: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
