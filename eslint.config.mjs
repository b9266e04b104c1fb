// ESLint flat config: typescript-eslint's type-aware recommended rules over every TypeScript source (the project
// service finds each file's nearest tsconfig: tsconfig.json, or media/tsconfig.json for the webview pages);
// plain .mjs/.cjs scripts get the syntax-only rules. Formatting is Prettier's (`prettier --check` runs with
// lint), so the stylistic rules that would fight it are off.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', '.cache/**', 'test-results/**', '*.vsix'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    files: ['**/*.ts', '**/*.mts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // A promise nobody awaits or handles loses its rejection; one passed where a void callback is expected
      // (event handlers, setTimeout) likewise.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    files: ['**/*.mjs', '**/*.cjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  prettier,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/explicit-module-boundary-types': 'off',
      eqeqeq: ['error', 'smart'],
      // Prettier wraps code at 140; what it cannot wrap (long strings, templates, URLs) is exempt.
      'max-len': ['error', { code: 140, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreUrls: true, ignoreRegExpLiterals: true }],
    },
  },
  {
    // src/azure, src/emulator and the estate scan are pure Node: they must stay usable without VS Code.
    files: ['src/azure/**/*.ts', 'src/emulator/**/*.ts', 'src/estate/scan/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'vscode', message: 'src/azure, src/emulator and src/estate/scan never import vscode (DESIGN.md §2).' }] },
      ],
    },
  },
  {
    // Workflows are the vscode-free use cases the commands and webviews call (DESIGN.md §2).
    files: ['src/*/workflows/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'vscode', message: 'Workflows never import vscode: they return, or throw a typed error the UI renders.' }] },
      ],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly', globalThis: 'readonly' } },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        URL: 'readonly',
        Buffer: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        fetch: 'readonly',
        AbortController: 'readonly',
      },
    },
  },
);
