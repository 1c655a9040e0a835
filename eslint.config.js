// Lint rules: strict TypeScript, and the layering rule that keeps src/shared environment-free
// (VS Code's `common` layer): it may not import Electron, Node built-ins or anything from the DOM side.
import js from '@eslint/js'
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
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
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
