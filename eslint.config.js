import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { CELL_TAG_SELECTORS } from './eslint.cellTags.js';

// Folder boundaries are lint rules, not wishes; arrows point one way:
// app -> embed -> shell -> panels -> charts; panels -> store -> worker -> engine; cli -> worker -> engine.
// Type-only imports are fine here; tests/architecture/imports.test.ts also fails on any import
// cycle, type-only ones included.
const noUpward = (patterns) => ({
  '@typescript-eslint/no-restricted-imports': [
    'error',
    {
      patterns: patterns.map((p) => ({
        group: p.group,
        message: p.message,
        allowTypeImports: true,
      })),
    },
  ],
});

const PAGE_NEVER = [
  '**/cli/**',
  '**/worker/trainer',
  '**/worker/trainer/**',
  '**/worker/training.worker*',
  '**/worker/snapshot*',
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'bench/node_modules/**',
      'test-results/**',
      'docs/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use the seeded PRNG (src/engine/rng.ts).' },
      ],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    files: ['src/**/*.tsx', 'src/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ['src/engine/**/*.ts'],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'self',
        'postMessage',
        'navigator',
        'localStorage',
      ],
      ...noUpward([
        {
          group: [
            '**/worker/**',
            '**/store/**',
            '**/panels/**',
            '**/charts/**',
            '**/app/**',
            '**/embed/**',
            '**/shell/**',
            '**/cli/**',
          ],
          message: 'engine imports engine/ only.',
        },
        {
          group: ['react', 'react-dom', 'react-dom/*', 'd3', 'd3-*', 'zustand', 'zustand/*'],
          message: 'The engine has no UI dependencies.',
        },
      ]),
    },
  },
  {
    files: ['src/worker/**/*.ts'],
    rules: noUpward([
      {
        group: [
          '**/store/**',
          '**/panels/**',
          '**/charts/**',
          '**/app/**',
          '**/embed/**',
          '**/shell/**',
          '**/cli/**',
          'react',
          'react-dom',
          'd3',
          'd3-*',
          'zustand',
        ],
        message: 'worker imports engine/ only.',
      },
    ]),
  },
  {
    files: ['src/store/**/*.ts'],
    rules: noUpward([
      {
        group: [
          '**/panels/**',
          '**/charts/**',
          '**/app/**',
          '**/embed/**',
          '**/shell/**',
          '**/cli/**',
        ],
        message: 'store sits below panels.',
      },
      { group: ['**/engine/**'], message: 'store uses engine types only (import type).' },
    ]),
  },
  {
    files: ['src/charts/**/*.{ts,tsx}'],
    rules: noUpward([
      {
        group: [
          '**/store/**',
          '**/worker/**',
          '**/panels/**',
          '**/app/**',
          '**/embed/**',
          '**/shell/**',
          '**/cli/**',
          'zustand',
          'zustand/*',
          'd3-selection',
        ],
        message: 'charts are store-free: props in, SVG/canvas out.',
      },
      { group: ['**/engine/**'], message: 'charts take plain data; engine types only.' },
    ]),
  },
  {
    files: ['src/panels/**/*.{ts,tsx}'],
    rules: noUpward([
      {
        group: [
          '**/app/**',
          '**/embed/**',
          '**/shell/**',
          '**/cli/**',
          '**/worker/training.worker*',
          'd3-selection',
        ],
        message: 'panels sit below app/embed and their shared shell.',
      },
    ]),
  },
  // The page's pieces reach training through store/ and worker/client only: never the trainer
  // itself (it runs in the worker) and never the Node entry points.
  {
    files: ['src/shell/**/*.{ts,tsx}'],
    rules: noUpward([
      {
        group: ['**/app/**', '**/embed/**', ...PAGE_NEVER],
        message: 'shell/ (panels, notices, theme shared by app and embed) sits below both.',
      },
    ]),
  },
  {
    files: ['src/embed/**/*.{ts,tsx}'],
    rules: noUpward([
      {
        group: ['**/app/**', ...PAGE_NEVER],
        message: 'embed/ uses shell/, panels/ and store/; app/ imports embed/, never the reverse.',
      },
    ]),
  },
  {
    files: ['src/app/**/*.{ts,tsx}'],
    rules: noUpward([
      { group: PAGE_NEVER, message: 'app/ reaches training through store/ and worker/client.' },
    ]),
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: noUpward([
      {
        group: [
          '**/store/**',
          '**/panels/**',
          '**/charts/**',
          '**/app/**',
          '**/embed/**',
          '**/shell/**',
          '**/worker/client*',
          '**/worker/training.worker*',
          'react',
          'react-dom',
          'react-dom/*',
          'd3',
          'd3-*',
          'zustand',
          'zustand/*',
        ],
        message: 'cli/ runs in Node over engine/ (and the trainer loop); no page code.',
      },
    ]),
  },
  // A cell is one folder: no code outside it compares a cell id or names a cell's parameter
  // (eslint.cellTags.js). Declared before the views' block, which repeats these selectors: a
  // later block's no-restricted-syntax replaces an earlier one's for the same file.
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/engine/cells/**'],
    rules: { 'no-restricted-syntax': ['error', ...CELL_TAG_SELECTORS] },
  },
  {
    // Actions live in the store (store/viewActions.ts, store/bridge.ts): views call them.
    files: ['src/{app,shell,embed,panels,charts}/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...CELL_TAG_SELECTORS,
        {
          selector:
            "CallExpression[callee.property.name='setState'][callee.object.type!='ThisExpression']",
          message: 'Write the store through an action (store/viewActions.ts or the bridge).',
        },
      ],
    },
  },
);
