import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { VARIABLES, type VariableName } from './variables.js';
import { parseVariable, type ParsedValue } from './parse-variable.js';

export type Role = 'api' | 'worker' | 'scheduler';
export type BrowserEngine = 'chromium' | 'firefox' | 'webkit';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface Config {
  readonly env: 'development' | 'production' | 'test';
  readonly roles: readonly Role[];
  readonly server: {
    readonly host: string;
    readonly port: number;
    readonly bodyLimitBytes: number;
    readonly shutdownDrainMs: number;
    readonly trustProxy: string | undefined;
  };
  readonly storage: {
    readonly dataDir: string;
    readonly sqlitePath: string;
    readonly databaseUrl: string | undefined;
    readonly pgPoolSize: number;
    readonly artifactsDir: string;
  };
  readonly web: { readonly distDir: string };
  readonly redis: { readonly url: string | undefined };
  readonly queue: { readonly maxWorkers: number };
  readonly browser: {
    readonly defaultEngine: BrowserEngine;
    readonly chromiumExecutablePath: string | undefined;
    readonly headless: boolean;
  };
  readonly log: { readonly level: LogLevel };
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Parses the whole environment once. Every bad variable is reported in one ConfigError so an
 * operator fixes them all in one go; the result is frozen so nothing can change it later.
 */
export function loadConfig(env: Record<string, string | undefined>, cwd = process.cwd()): Config {
  const values = {} as Record<VariableName, ParsedValue>;
  const problems: string[] = [];
  for (const name of Object.keys(VARIABLES) as VariableName[]) {
    const result = parseVariable(VARIABLES[name], env[name]);
    if (result.ok) values[name] = result.value;
    else problems.push(`${name} ${result.problem}`);
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const str = (name: VariableName) => values[name] as string;
  const opt = (name: VariableName) => values[name] as string | undefined;
  const num = (name: VariableName) => values[name] as number;
  const dataDir = path.resolve(cwd, str('DATA_DIR'));
  const dbPath = opt('DB_PATH');

  return deepFreeze({
    env: str('NODE_ENV') as Config['env'],
    roles: values.SENTRI_ROLES as Role[],
    server: {
      host: str('HOST'),
      port: num('PORT'),
      bodyLimitBytes: num('BODY_LIMIT_BYTES'),
      shutdownDrainMs: num('SHUTDOWN_DRAIN_MS'),
      trustProxy: opt('TRUST_PROXY'),
    },
    storage: {
      dataDir,
      sqlitePath: dbPath ? path.resolve(cwd, dbPath) : path.join(dataDir, 'sentri.db'),
      databaseUrl: opt('DATABASE_URL'),
      pgPoolSize: num('PG_POOL_SIZE'),
      artifactsDir: path.join(dataDir, 'artifacts'),
    },
    web: { distDir: resolveWebDist(opt('WEB_DIST_DIR'), cwd) },
    redis: { url: opt('REDIS_URL') },
    queue: { maxWorkers: num('MAX_WORKERS') },
    browser: {
      defaultEngine: str('BROWSER_DEFAULT') as BrowserEngine,
      chromiumExecutablePath: opt('PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH'),
      headless: values.BROWSER_HEADLESS as boolean,
    },
    log: { level: str('LOG_LEVEL') as LogLevel },
  });
}

/** apps/web/dist, found from this file's place in apps/server/{src,dist}/config. */
function resolveWebDist(configured: string | undefined, cwd: string): string {
  if (configured) return path.resolve(cwd, configured);
  return fileURLToPath(new URL('../../../web/dist', import.meta.url));
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
