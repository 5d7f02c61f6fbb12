// Layer rules: the folder a file lives in decides what it may import.
// shared/ pure · engine/common/ Web Audio only (no Node, DOM globals, Tone or React) ·
// engine/browser/ the page's engine (no Node, no React) · engine/node/ Node's engine (no DOM, no React) ·
// renderer/ no Node/Electron/SQLite, the engine through engine/browser/ only ·
// SQL only in main/db/ · main/ no DOM globals, no renderer/, the engine through engine/common/ and engine/node/.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';

const nodeBuiltins = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'child_process',
  'crypto',
  'http',
  'https',
  'net',
  'url',
  'util',
  'stream',
  'worker_threads',
  'zlib',
  'events',
  'buffer',
];
const sqlite = ['better-sqlite3'];
const electron = ['electron', 'electron/*'];
const ui = ['react', 'react/*', 'react-dom', 'react-dom/*', 'wavesurfer.js', 'wavesurfer.js/*'];

const pattern = (group, message) => ({ group, message });

// What the page has and Node does not (and the reverse): the engine's common part may use neither.
const pageGlobals = [
  'window',
  'document',
  'navigator',
  'location',
  'localStorage',
  'sessionStorage',
  'fetch',
  'XMLHttpRequest',
  'Worker',
  'self',
  'requestAnimationFrame',
];
const nodeGlobals = ['process', 'Buffer', 'require', '__dirname', '__filename'];
// A context is the environment's to create (a page's AudioContext, node-web-audio-api's OfflineAudioContext); common code receives one.
const contextConstructors = ['AudioContext', 'OfflineAudioContext', 'AudioWorkletNode'];

// SQL is recognised by its statement shapes, upper case as this codebase writes it ("Delete clip" is not SQL).
const sqlOutsideDb = [
  {
    selector: 'CallExpression[callee.property.name=/^(prepare|pragma)$/]',
    message: 'SQL lives in main/db/ only: call a query module from there.',
  },
  {
    selector:
      'Literal[value=/^\\s*(SELECT\\s[^]*\\bFROM\\b|INSERT\\s+(OR\\s+\\w+\\s+)?INTO\\b|UPDATE\\s+\\w+\\s+SET\\b|DELETE\\s+FROM\\b|CREATE\\s+(TABLE|INDEX|UNIQUE|TRIGGER|VIEW|VIRTUAL|TEMP)\\b|DROP\\s+(TABLE|INDEX|TRIGGER|VIEW)\\b|ALTER\\s+TABLE\\b|PRAGMA\\s)/]',
    message: 'SQL lives in main/db/ only: call a query module from there.',
  },
  {
    selector:
      'TemplateElement[value.raw=/^\\s*(SELECT\\s[^]*\\bFROM\\b|INSERT\\s+(OR\\s+\\w+\\s+)?INTO\\b|UPDATE\\s+\\w+\\s+SET\\b|DELETE\\s+FROM\\b|CREATE\\s+(TABLE|INDEX|UNIQUE|TRIGGER|VIEW|VIRTUAL|TEMP)\\b|DROP\\s+(TABLE|INDEX|TRIGGER|VIEW)\\b|ALTER\\s+TABLE\\b|PRAGMA\\s)/]',
    message: 'SQL lives in main/db/ only: call a query module from there.',
  },
];

export default tseslint.config(
  { ignores: ['engine/common/stretch/signalsmithModule.js', 'dist/**', '.tsbuild/**', 'node_modules/**', 'test-artifacts/**', 'bench/out/**', 'resources/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            pattern(
              [
                ...nodeBuiltins,
                ...sqlite,
                ...electron,
                ...ui,
                'tone',
                'ws',
                'node-web-audio-api',
                '../main/*',
                '../renderer/*',
                '../engine/*',
                '**/main/**',
                '**/renderer/**',
                '**/engine/**',
              ],
              'shared/ is pure TypeScript: no Node, Electron, DOM libraries, SQLite, or imports from main/, engine/ or renderer/.',
            ),
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'process', 'Buffer', 'require', 'localStorage', 'fetch'],
      'no-restricted-syntax': ['error', ...sqlOutsideDb],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            pattern(
              [...nodeBuiltins, ...sqlite, ...electron, 'ws', 'node-web-audio-api', '**/main/**'],
              'renderer/ runs in a sandboxed page: no Node, Electron or SQLite. Talk to main through bridge.ts (the contract).',
            ),
            pattern(
              ['**/engine/common/**', '**/engine/node/**'],
              'renderer/ uses the engine through engine/browser/ only (its live engine, recorder, preview player).',
            ),
          ],
        },
      ],
      'no-restricted-globals': ['error', 'process', 'Buffer', 'require'],
      'no-restricted-syntax': ['error', ...sqlOutsideDb],
    },
  },
  {
    files: ['engine/common/**/*.ts'],
    ignores: ['engine/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            pattern(
              [
                ...nodeBuiltins,
                ...sqlite,
                ...electron,
                ...ui,
                'tone',
                'ws',
                'node-web-audio-api',
                '**/main/**',
                '**/renderer/**',
                '**/engine/browser/**',
                '**/engine/node/**',
                '../browser/**',
                '../node/**',
                '../../browser/**',
                '../../node/**',
              ],
              'engine/common/ runs in the page and in Node: Web Audio and plain DSP only — no Node, no Tone, no React, nothing from engine/browser/ or engine/node/.',
            ),
          ],
        },
      ],
      'no-restricted-globals': ['error', ...pageGlobals, ...nodeGlobals, ...contextConstructors],
      'no-restricted-syntax': ['error', ...sqlOutsideDb],
    },
  },
  {
    files: ['engine/browser/**/*.ts'],
    ignores: ['engine/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            pattern(
              [
                ...nodeBuiltins,
                ...sqlite,
                ...electron,
                ...ui,
                'ws',
                'node-web-audio-api',
                '**/main/**',
                '**/renderer/**',
                '**/engine/node/**',
                '../node/**',
                '../../node/**',
              ],
              'engine/browser/ is the engine in the page: Web Audio, worklets, workers and Tone — no React, no UI, no Node. Components subscribe to engine state.',
            ),
          ],
        },
      ],
      'no-restricted-globals': ['error', ...nodeGlobals, 'document', 'localStorage'],
      'no-restricted-syntax': ['error', ...sqlOutsideDb],
    },
  },
  {
    files: ['engine/node/**/*.ts'],
    ignores: ['engine/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            pattern(
              [...sqlite, ...electron, ...ui, 'tone', '**/main/**', '**/renderer/**', '**/engine/browser/**', '../browser/**', '../../browser/**'],
              'engine/node/ is the engine in Node (node-web-audio-api): no Electron, SQLite, Tone, React, nothing from main/ or engine/browser/.',
            ),
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'self'],
      'no-restricted-syntax': ['error', ...sqlOutsideDb],
    },
  },
  {
    files: ['main/**/*.ts'],
    // Tests may reach past the layers (an attacker editing the database, a crash simulation).
    ignores: ['main/db/**', 'main/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            pattern([...sqlite], 'SQL lives in main/db/ only: better-sqlite3 is imported there and nowhere else.'),
            pattern(
              [...ui, 'tone', '**/renderer/**', '**/engine/browser/**'],
              'main/ may use the engine through engine/common/ and engine/node/ (offline renders), never renderer/ or engine/browser/.',
            ),
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage'],
      'no-restricted-syntax': ['error', ...sqlOutsideDb],
    },
  },
  {
    files: ['main/db/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            pattern(
              [...electron, ...ui, 'tone', '**/renderer/**', '**/engine/**', '**/services/**', '**/app/**', '**/host/**', '**/cli/**'],
              'main/db/ is the data layer: it imports shared/ types and better-sqlite3, not services, hosts or UI.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['main/app/**/*.ts', 'main/preload.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...sqlOutsideDb,
        {
          selector: "MemberExpression[object.name='ipcMain'][property.name=/^(on|handle|handleOnce|once)$/]",
          message: 'Register IPC only through registerIpcHandlers (it checks the sender frame and validates arguments).',
        },
      ],
    },
  },
  {
    files: ['main/app/registerIpcHandlers.ts'],
    rules: { 'no-restricted-syntax': ['error', ...sqlOutsideDb] },
  },
  {
    files: ['**/*.test.{ts,tsx}', 'tests/**/*.ts', 'bench/**/*.{ts,mjs}', 'scripts/**/*.{ts,mjs}'],
    languageOptions: { globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['tests/mocks/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
