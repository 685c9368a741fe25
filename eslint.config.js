// ESLint: TypeScript rules everywhere, plus the layer rule that keeps src/core free of Electron,
// React and the DOM-bound doors (a test in tests/unit/layers.test.ts checks the same).
import tseslint from 'typescript-eslint'

export default tseslint.config(
  {
    ignores: [
      'tests/fixtures/**',
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'build/**',
      '**/*.mjs',
      '**/*.cjs',
    ],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-empty': ['error', { allowEmptyCatch: false }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'react', 'react-dom', '@codemirror/*'],
              message: 'src/core knows no window.',
            },
            {
              group: ['**/main/**', '**/preload/**', '**/renderer/**', '**/server/**', '**/cli/**'],
              message: 'src/core imports no door.',
            },
          ],
        },
      ],
    },
  },
)
