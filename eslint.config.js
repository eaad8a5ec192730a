import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Which workspace packages each layer may import (ARCHITECTURE.md, "Dependency direction").
 * Anything not listed is forbidden, and so is reaching into another package by relative path.
 */
const LAYERS = {
  'packages/core': [],
  'packages/db': ['core'],
  'packages/llm': ['core'],
  'packages/runtime': ['core'],
  'packages/engine': ['core', 'runtime'],
  'apps/server': ['core', 'db', 'engine', 'llm'],
  'apps/web': ['core'],
  'apps/cli': ['core'],
};
const PACKAGES = ['core', 'db', 'engine', 'llm', 'runtime', 'server', 'web', 'cli'];

/** Libraries that belong to one layer only. */
const OWNED_LIBRARIES = {
  fastify: 'apps/server',
  kysely: 'packages/db',
  'better-sqlite3': 'packages/db',
  pg: 'packages/db',
  ai: 'packages/llm',
};

function layerRules(layer, allowed) {
  const forbiddenPackages = PACKAGES.filter(
    (name) => !allowed.includes(name) && `packages/${name}` !== layer && `apps/${name}` !== layer,
  );
  const forbiddenLibraries = Object.entries(OWNED_LIBRARIES)
    .filter(([, owner]) => owner !== layer)
    .map(([library]) => library);
  return {
    files: [`${layer}/src/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: forbiddenLibraries.map((name) => ({
            name,
            message: `${name} belongs to ${OWNED_LIBRARIES[name]} only.`,
          })),
          patterns: [
            ...forbiddenPackages.map((name) => ({
              regex: `^@sentri/${name}(/.*)?$`,
              message: `${layer} must not depend on @sentri/${name} (see ARCHITECTURE.md, dependency direction).`,
            })),
            { regex: '^@ai-sdk/', message: 'Vendor SDKs are imported by packages/llm adapters only.' },
            {
              regex: '(^|/)(packages|apps)/',
              message: 'Import another workspace package by its @sentri/* name, not by path.',
            },
          ].filter((pattern) => layer !== 'packages/llm' || !pattern.regex.startsWith('^@ai-sdk')),
        },
      ],
      // Only the server's config loader reads the environment; everything else is handed config.
      'no-restricted-properties':
        layer === 'apps/server' || layer === 'apps/cli'
          ? 'off'
          : ['error', { object: 'process', property: 'env', message: 'Take configuration as an argument instead.' }],
    },
  };
}

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      'data/**',
      'coverage/**',
      'bench/results/**',
      '.tmp/**',
      'apps/web/src/api/schema.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  ...Object.entries(LAYERS).map(([layer, allowed]) => layerRules(layer, allowed)),
  {
    files: ['apps/server/src/config/**/*.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: ['apps/server/src/**/*.ts'],
    ignores: ['apps/server/src/config/**', 'apps/server/src/main.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration from container.config.' },
      ],
    },
  },
  {
    // Code that runs inside a Playwright test process, started by a run: the environment the run
    // sets up is the only configuration it can receive.
    files: ['packages/runtime/src/**/*.ts', 'packages/engine/src/run/child/**/*.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: ['apps/web/public/**/*.js'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['bench/**/*.{js,mjs,mts}', 'scripts/**/*.{js,mjs}', 'apps/*/build.mjs'],
    rules: { 'no-console': 'off' },
  },
);
