import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const source = (pkg: string) => fileURLToPath(new URL(`./packages/${pkg}/src/index.ts`, import.meta.url));

export default defineConfig({
  resolve: {
    // Tests run against the TypeScript sources, so they never depend on a stale build.
    alias: {
      '@sentri/core': source('core'),
      '@sentri/db': source('db'),
      '@sentri/engine': source('engine'),
      '@sentri/llm': source('llm'),
      '@sentri/runtime': source('runtime'),
    },
  },
  test: {
    include: ['{apps,packages}/*/{src,test}/**/*.test.ts', 'scripts/**/*.test.ts', 'fixtures/**/*.test.ts'],
    globalSetup: ['./test-support/postgres-global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
