import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const engineForbidden = {
  patterns: [
    { group: ['react', 'react-dom', 'react/*', 'zustand', 'zustand/*', 'comlink'], message: 'The engine is pure: no UI or worker libraries (DESIGN.md).' },
    { group: ['node:*', 'fs', 'path', 'os', 'crypto', 'worker_threads'], message: 'The engine is pure: no Node APIs (DESIGN.md).' },
    // By the folders outside it, so the rule holds at any depth inside src/engine.
    { group: ['**/ui/*', '**/state/*', '**/worker/*', '**/bridge/*', '**/cli/*', '**/platform/*', '**/fuzz/*', '**/App', '**/main'], message: 'The engine imports nothing outside src/engine.' },
  ],
};

// The page and its stores see the engine through engine/client.ts only: types and light helpers,
// so generation (Faker's lists, the hourly planner) stays in the worker's chunk.
const clientOnly = { group: ['**/engine/*', '**/engine/**', '!**/engine/client'], message: 'Import the engine through src/engine/client.ts (docs/architecture.md).' };
const pageForbidden = { patterns: [clientOnly, { group: ['**/worker/*', '**/bridge/*'], message: 'Views reach the worker through the stores in src/state.' }] };
const stateForbidden = { patterns: [clientOnly, { group: ['**/ui/*', '**/ui/**'], message: 'Arrows point down: src/state never imports UI code.' }] };

export default tseslint.config(
  { ignores: ['dist', 'dist-cli', 'node_modules', 'test-results', 'playwright-report', 'tmp', 'out'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { files: ['scripts/**/*.mjs'], languageOptions: { globals: globals.node } },
  {
    files: ['src/**/*.tsx', 'src/ui/**/*.ts', 'src/state/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  { files: ['src/ui/**/*.{ts,tsx}', 'src/App.tsx', 'src/main.tsx'], rules: { 'no-restricted-imports': ['error', pageForbidden] } },
  { files: ['src/state/**/*.ts'], rules: { 'no-restricted-imports': ['error', stateForbidden] } },
  {
    files: ['src/engine/**/*.ts'],
    ignores: ['src/engine/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', engineForbidden],
      'no-restricted-globals': ['error', 'window', 'document', 'self', 'localStorage', 'postMessage', 'navigator', 'process', 'Buffer'],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use a seeded stream from engine/random.' },
        { object: 'Date', property: 'now', message: 'Time comes from the scenario.' },
      ],
    },
  },
  {
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
