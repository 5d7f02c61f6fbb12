// Layer rules: the folder a file lives in decides what it may import.
// shared/ pure · renderer/ no Node/Electron/SQLite · renderer/audio/ no React ·
// SQL only in main/db/ · main/ no DOM globals, no renderer UI.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'util', 'stream', 'worker_threads', 'zlib', 'events', 'buffer'];
const sqlite = ['better-sqlite3'];
const electron = ['electron', 'electron/*'];
const ui = ['react', 'react/*', 'react-dom', 'react-dom/*', 'wavesurfer.js', 'wavesurfer.js/*'];

const pattern = (group, message) => ({ group, message });

// SQL is recognised by its statement shapes, upper case as this codebase writes it ("Delete clip" is not SQL).
const sqlOutsideDb = [
  {
    selector: "CallExpression[callee.property.name=/^(prepare|pragma)$/]",
    message: 'SQL lives in main/db/ only: call a query module from there.',
  },
  {
    selector: 'Literal[value=/^\\s*(SELECT\\s[^]*\\bFROM\\b|INSERT\\s+(OR\\s+\\w+\\s+)?INTO\\b|UPDATE\\s+\\w+\\s+SET\\b|DELETE\\s+FROM\\b|CREATE\\s+(TABLE|INDEX|UNIQUE|TRIGGER|VIEW|VIRTUAL|TEMP)\\b|DROP\\s+(TABLE|INDEX|TRIGGER|VIEW)\\b|ALTER\\s+TABLE\\b|PRAGMA\\s)/]',
    message: 'SQL lives in main/db/ only: call a query module from there.',
  },
  {
    selector: 'TemplateElement[value.raw=/^\\s*(SELECT\\s[^]*\\bFROM\\b|INSERT\\s+(OR\\s+\\w+\\s+)?INTO\\b|UPDATE\\s+\\w+\\s+SET\\b|DELETE\\s+FROM\\b|CREATE\\s+(TABLE|INDEX|UNIQUE|TRIGGER|VIEW|VIRTUAL|TEMP)\\b|DROP\\s+(TABLE|INDEX|TRIGGER|VIEW)\\b|ALTER\\s+TABLE\\b|PRAGMA\\s)/]',
    message: 'SQL lives in main/db/ only: call a query module from there.',
  },
];

export default tseslint.config(
  { ignores: ['dist/**', '.tsbuild/**', 'node_modules/**', 'test-artifacts/**', 'bench/out/**', 'resources/**'] },
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
      'no-restricted-imports': ['error', {
        patterns: [pattern([...nodeBuiltins, ...sqlite, ...electron, ...ui, 'tone', 'ws', 'node-web-audio-api', '../main/*', '../renderer/*', '**/main/**', '**/renderer/**'],
          'shared/ is pure TypeScript: no Node, Electron, DOM libraries, SQLite, or imports from main/ or renderer/.')],
      }],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'process', 'Buffer', 'require', 'localStorage', 'fetch'],
      'no-restricted-syntax': ['error', ...sqlOutsideDb],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/**/*.test.{ts,tsx}', 'renderer/audio/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [pattern([...nodeBuiltins, ...sqlite, ...electron, 'ws', 'node-web-audio-api', '**/main/**'],
          'renderer/ runs in a sandboxed page: no Node, Electron or SQLite. Talk to main through bridge.ts (the contract).')],
      }],
      'no-restricted-globals': ['error', 'process', 'Buffer', 'require'],
      'no-restricted-syntax': ['error', ...sqlOutsideDb],
    },
  },
  {
    files: ['renderer/audio/**/*.ts'],
    ignores: ['renderer/audio/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [pattern([...nodeBuiltins, ...sqlite, ...electron, ...ui, 'ws', 'node-web-audio-api', '**/main/**', '../places/**', '../components/**', '../*.tsx'],
          'renderer/audio/ is the engine: Web Audio and Tone only — no React, no UI, no Node. Components subscribe to engine state.')],
      }],
      'no-restricted-globals': ['error', 'process', 'Buffer', 'require', 'document', 'localStorage'],
      'no-restricted-syntax': ['error', ...sqlOutsideDb],
    },
  },
  {
    files: ['main/**/*.ts'],
    // Tests may reach past the layers (an attacker editing the database, a crash simulation).
    ignores: ['main/db/**', 'main/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          pattern([...sqlite], 'SQL lives in main/db/ only: better-sqlite3 is imported there and nowhere else.'),
          pattern([...ui, '**/renderer/**', '!**/renderer/audio', '!**/renderer/audio/**'],
            'main/ may use the engine (renderer/audio/) for offline renders, never the React UI.'),
        ],
      }],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage'],
      'no-restricted-syntax': ['error', ...sqlOutsideDb],
    },
  },
  {
    files: ['main/db/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [pattern([...electron, ...ui, 'tone', '**/renderer/**', '**/services/**', '**/app/**', '**/host/**', '**/cli/**'],
          'main/db/ is the data layer: it imports shared/ types and better-sqlite3, not services, hosts or UI.')],
      }],
    },
  },
  {
    files: ['main/app/**/*.ts', 'main/preload.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-syntax': ['error', ...sqlOutsideDb,
        { selector: "MemberExpression[object.name='ipcMain'][property.name=/^(on|handle|handleOnce|once)$/]", message: 'Register IPC only through registerIpcHandlers (it checks the sender frame and validates arguments).' },
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
