// Lint for the whole repository: `npm run lint` (run by scripts/test.sh). Layout is Prettier's
// (.prettierrc.json); the line limit is the one layout rule ESLint keeps, as a hard ceiling.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.local/**', 'coverage/**', 'apps/query/src/dashboard/public/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Type-aware rules for every TypeScript file (tsconfig.json includes apps, libs, test and tools): the
    // recommendedTypeChecked set, and the promise, assertion and exhaustiveness rules named so they stay on.
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/require-await': 'error',
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
      '@typescript-eslint/return-await': ['error', 'in-try-catch'],
      '@typescript-eslint/only-throw-error': 'error',
      '@typescript-eslint/prefer-promise-reject-errors': 'error',
      // Numbers and booleans read fine in a message, and so do `undefined`/`null` ("got undefined", "exited null");
      // an object would print as [object Object].
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true, allowBoolean: true, allowNullish: true, allowAny: false, allowRegExp: false, allowNever: false },
      ],
      '@typescript-eslint/no-base-to-string': 'error',
      // A `default` branch is a decision about all the other members; the risk is a switch without one that misses a member.
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      // Nest hands HTTP statuses over as plain numbers (HttpException.getStatus()); comparing one with HttpStatus
      // is the idiom, not a mix of two enums.
      '@typescript-eslint/no-unsafe-enum-comparison': 'off',
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
    // Tests read untyped JSON answers and feed deliberately out-of-range numbers to the validators. The unsafe-*
    // family stays off here: its ~630 findings are reads of those answers (`body.data[0].value`), where typing
    // each answer would only restate what the assertion checks; in apps, libs and tools it is on (5 findings,
    // each a real typing fix). Tests hold methods to compare or restore them, not to call them detached.
    files: ['**/*.spec.ts', 'test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      'no-loss-of-precision': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true, allowNullish: true, allowAny: true }],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    languageOptions: {
      globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly', console: 'readonly', Buffer: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
