// Lint rules, including the import-direction zones of DESIGN.md: renderer → shared, engine → shared,
// main → engine + shared, preload → shared. Nothing may import across those lines.
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'worker_threads', 'crypto']

export default tseslint.config(
  { ignores: ['node_modules/**', 'build/**', 'dist/**', 'test-output/**', 'test/fixtures/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // A drop-in replacement for a CommonJS module of exceljs: it must stay CommonJS.
    files: ['electron/engine/xlsx/parse-sax-fixed.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // exceljs must load through electron/engine/xlsx/exceljs.ts, which fixes its streaming reader first.
    files: ['**/*.ts'],
    ignores: ['electron/engine/xlsx/exceljs.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'exceljs',
              allowTypeImports: true,
              message:
                'Import exceljs from electron/engine/xlsx/exceljs.ts (it fixes multi-byte text in streamed xlsx).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/electron/**', '**/renderer/**', 'electron', ...nodeBuiltins],
              message: 'shared/ is pure TypeScript used by every runtime.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/engine/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', '**/electron/main/**', '**/electron/preload/**', '**/renderer/**'],
              message: 'The engine is plain Node: it never imports Electron, main, preload or the renderer.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/preload/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/engine/**', '**/main/**', '**/renderer/**'],
              message: 'The preload only bridges allow-listed channels.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/main/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/renderer/**', '**/preload/**'],
              message: 'main talks to the renderer only through IPC.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/electron/**', 'electron', ...nodeBuiltins],
              message: 'The renderer reaches the engine only through the typed API client.',
            },
          ],
        },
      ],
    },
  },
)
