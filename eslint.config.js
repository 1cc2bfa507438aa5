import js from '@eslint/js'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '**/dist-ssr/**', '.data/**', 'drizzle/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    // The browser bundle never contains server code: only `import type` from the API package.
    files: ['apps/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@jouwbot/api', '@jouwbot/api/*'], allowTypeImports: true, message: 'The client may only import types from the API.' },
            { group: ['@jouwbot/db*', '@jouwbot/auth*', '@jouwbot/mail*', '@jouwbot/jobs*', '@jouwbot/server*'], message: 'Server-only package.' },
          ],
        },
      ],
    },
  },
)
