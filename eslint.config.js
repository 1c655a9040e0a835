// Lint rules: type-aware TypeScript, React's hooks rules, short functions, and the layering rule
// that keeps src/shared environment-free (VS Code's `common` layer): it may not import Electron,
// Node built-ins or anything from the DOM side.
//
// Why recommendedTypeChecked and not strictTypeChecked: the strict set's extra findings here were
// almost all noise (303 `!` after a check the compiler cannot follow, 170 `() => setX(v)` arrows,
// numbers in template strings) or wrong: without `noUncheckedIndexedAccess`, no-unnecessary-condition
// calls `if (!toks[i])` and `match[1] ?? ''` unnecessary, and "fixing" them would remove real bounds
// checks. The strict rules that do catch mistakes here are turned on one by one below.
import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import tseslint from 'typescript-eslint'

const nodeBuiltins = [
  'fs',
  'path',
  'os',
  'crypto',
  'child_process',
  'url',
  'util',
  'stream',
  'events',
  'worker_threads',
  'net',
  'http',
  'https',
  'zlib',
  'buffer',
  'process',
  'readline',
  'timers',
  'assert',
]

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'node_modules/**',
      'resources/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      // Each file is checked with the tsconfig that builds it (tsconfig.node.json or
      // tsconfig.web.json, through tsconfig.json's references).
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      // A `void promise` must be a deliberate choice, commented where it is made.
      '@typescript-eslint/no-floating-promises': ['error', { ignoreVoid: true }],
      // From the strict set: the ones that find mistakes rather than taste.
      '@typescript-eslint/no-deprecated': 'error',
      '@typescript-eslint/no-meaningless-void-operator': 'error',
      '@typescript-eslint/no-unnecessary-template-expression': 'error',
      '@typescript-eslint/no-unnecessary-type-arguments': 'error',
      '@typescript-eslint/no-unnecessary-type-conversion': 'error',
      '@typescript-eslint/use-unknown-in-catch-callback-variable': 'error',
      '@typescript-eslint/return-await': ['error', 'error-handling-correctness-only'],
      // Functions a newcomer can read in one go (blank lines and comments count: a function that
      // needs 80 lines of explanation is long too).
      'max-lines-per-function': ['error', { max: 80 }],
    },
  },
  {
    // Plain JavaScript (bin, a few scripts, this file) is in no tsconfig: no type information.
    files: ['**/*.{js,mjs,cjs}'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // Tests and specs read JSON and foreign output as `any` on purpose, their fakes implement async
    // interfaces with canned answers, and a spec's `test()` callback is a script of steps: the
    // unsafe-any rules, require-await and the length limit would be noise there.
    files: ['test/**', 'e2e/**'],
    rules: {
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      'max-lines-per-function': 'off',
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat['recommended-latest'],
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    rules: {
      // A missing dependency is a stale value on screen: an error, not a warning nobody reads.
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'src/shared must not depend on Electron.' },
            ...nodeBuiltins.flatMap((n) => [
              { name: n, message: 'src/shared must not depend on Node built-ins.' },
              { name: `node:${n}`, message: 'src/shared must not depend on Node built-ins.' },
            ]),
          ],
          patterns: [
            { group: ['node:*'], message: 'src/shared must not depend on Node built-ins.' },
            {
              group: [
                '**/main/**',
                '**/preload/**',
                '**/renderer/**',
                'react',
                'react-dom',
                'prosemirror-*',
              ],
              message: 'src/shared imports nothing from main, preload or renderer.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'navigator',
        'process',
        'require',
        '__dirname',
        'Buffer',
      ],
    },
  },
)
