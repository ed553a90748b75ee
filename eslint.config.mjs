// Lint, including the layering rules of STYLE.md: each folder may import only what its layer allows.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

const nodeBuiltins = { group: ['node:*'], message: 'This layer does not touch Node.' }
const electron = {
  name: 'electron',
  message: 'Only src/main/index.ts, src/main/host and src/preload use Electron.',
}
const services = {
  group: ['**/main/**', '**/services/**'],
  message: 'The UI reaches services only through window.dossier.',
}

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Playwright code runs callbacks inside the page, so both sets of globals apply.
    files: ['tests/e2e/**', 'scripts/screenshot.mjs', 'bench/page/**'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['src/shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electron, { name: 'react', message: 'shared has no UI.' }],
          patterns: [nodeBuiltins, { group: ['../*'], message: 'shared imports only shared.' }],
        },
      ],
    },
  },
  {
    files: ['src/main/services/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electron],
          patterns: [
            {
              group: ['**/host/**', '**/renderer/**'],
              message: 'services are below the transports and the UI.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/host/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/renderer/**'], message: 'The transports do not import UI code.' }] },
      ],
    },
  },
  {
    files: ['src/preload/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            nodeBuiltins,
            { group: ['**/main/**', '**/renderer/**'], message: 'preload only bridges the contract.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { paths: [electron], patterns: [nodeBuiltins, services] }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Document content is rendered as text, never as HTML.',
        },
      ],
    },
  },
)
