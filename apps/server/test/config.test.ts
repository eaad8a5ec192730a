import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, renderEnvExample } from '../src/config/index.js';

describe('loadConfig', () => {
  it('gives the documented defaults with an empty environment', () => {
    const config = loadConfig({}, '/srv/sentri');
    expect(config.server).toMatchObject({
      host: '0.0.0.0',
      port: 3001,
      bodyLimitBytes: 1_048_576,
      shutdownDrainMs: 10_000,
    });
    expect(config.storage).toMatchObject({
      dataDir: '/srv/sentri/data',
      sqlitePath: '/srv/sentri/data/sentri.db',
      artifactsDir: '/srv/sentri/data/artifacts',
      databaseUrl: undefined,
      pgPoolSize: 10,
    });
    expect(config.roles).toEqual(['api', 'worker', 'scheduler']);
    expect(config.browser).toMatchObject({ defaultEngine: 'chromium', headless: true });
  });

  it('honours PORT, HOST, DATA_DIR, DB_PATH and DATABASE_URL', () => {
    const config = loadConfig(
      {
        PORT: '4000',
        HOST: '127.0.0.1',
        DATA_DIR: '/var/sentri',
        DB_PATH: 'custom.db',
        DATABASE_URL: 'postgres://u@db:5432/s',
      },
      '/srv',
    );
    expect(config.server.port).toBe(4000);
    expect(config.server.host).toBe('127.0.0.1');
    expect(config.storage.sqlitePath).toBe('/srv/custom.db');
    expect(config.storage.artifactsDir).toBe('/var/sentri/artifacts');
    expect(config.storage.databaseUrl).toBe('postgres://u@db:5432/s');
  });

  it('reports every bad variable at once', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        NODE_ENV: 'staging',
        SENTRI_ROLES: 'api,cook',
        BROWSER_HEADLESS: 'maybe',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(5);
    for (const name of ['PORT', 'DATABASE_URL', 'NODE_ENV', 'SENTRI_ROLES', 'BROWSER_HEADLESS']) {
      expect(problems.some((problem) => problem.startsWith(name))).toBe(true);
    }
  });

  it('returns a frozen tree', () => {
    const config = loadConfig({});
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.server)).toBe(true);
    expect(() => {
      (config.server as { port: number }).port = 1;
    }).toThrow(TypeError);
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '  ' }).storage.databaseUrl).toBeUndefined();
  });
});

describe('.env.example', () => {
  it('is generated from the variable table and up to date (run `npm run env:example` after adding one)', () => {
    const file = path.resolve(import.meta.dirname, '../../../.env.example');
    expect(fs.readFileSync(file, 'utf8')).toBe(renderEnvExample());
  });
});

describe('README configuration table', () => {
  it('documents every variable the server reads', async () => {
    const { VARIABLES } = await import('../src/config/index.js');
    const readme = fs.readFileSync(path.resolve(import.meta.dirname, '../../../README.md'), 'utf8');
    const missing = Object.keys(VARIABLES).filter(
      (name) => !new RegExp(`^\\|\\s*\`${name}\`\\s*\\|`, 'm').test(readme),
    );
    expect(missing).toEqual([]);
  });
});
