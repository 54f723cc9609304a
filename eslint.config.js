import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'data/', 'coverage/', 'bench/out/', '.bench-dist/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        fetch: 'readonly',
        AbortSignal: 'readonly',
        __dirname: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-imports': 'off',
    },
  },
  {
    // core/ is the domain: it imports nothing from the rest of src/ and no vendor SDK.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['../*', '@slack/*', 'discord.js', 'openai', '@google/*', '@aws-sdk/*', 'pino', 'better-sqlite3'] },
      ],
    },
  },
  {
    // Pipeline and LLM code never talk to chat SDKs directly.
    files: ['src/pipeline/**/*.ts', 'src/llm/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['@slack/*', 'discord.js'] }] },
  },
);
