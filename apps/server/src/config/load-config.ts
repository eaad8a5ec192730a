import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { VARIABLES, type VariableName } from './variables.js';
import { cronProblem } from '../automation/cron.js';
import { parseVariable, type ParsedValue, type RateLimit } from './parse-variable.js';

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
  readonly web: { readonly distDir: string; readonly cliBundle: string };
  readonly redis: { readonly url: string | undefined };
  readonly queue: { readonly maxWorkers: number };
  readonly browser: {
    readonly defaultEngine: BrowserEngine;
    readonly chromiumExecutablePath: string | undefined;
    readonly headless: boolean;
  };
  readonly execution: {
    readonly defaultWorkers: number;
    readonly maxRetries: number;
    readonly testTimeoutMs: number;
    readonly navigationTimeoutMs: number;
    readonly viewport: { readonly width: number; readonly height: number };
    readonly screencast: boolean;
    readonly visualDiffThreshold: number;
    readonly visualPixelTolerance: number;
    readonly healing: {
      readonly elementTimeoutMs: number;
      readonly retryCount: number;
      readonly retryDelayMs: number;
      readonly hintMaxFails: number;
    };
  };
  readonly crawl: {
    readonly maxPages: number;
    readonly maxDepth: number;
    readonly networkIdleMs: number;
    readonly timeLimitMs: number;
    readonly allowPrivateUrls: boolean;
    /** `POST /test-connection`'s wait for the HEAD answer. */
    readonly connectionTestTimeoutMs: number;
  };
  readonly automation: {
    readonly pollMs: number;
    readonly missedAfterMs: number;
    readonly staleTestDays: number;
    readonly staleSweepCron: string;
    readonly notificationTimeoutMs: number;
  };
  readonly ai: {
    readonly provider: 'anthropic' | 'openai' | 'google' | 'local' | undefined;
    readonly vendors: Readonly<
      Record<'anthropic' | 'openai' | 'google', { apiKey?: string; model: string; baseUrl?: string }>
    >;
    readonly ollama: { readonly baseUrl?: string; readonly model?: string };
    readonly maxRetries: number;
    readonly baseDelayMs: number;
    readonly maxBackoffMs: number;
    readonly maxTokens: number;
    readonly timeoutMs: number;
    readonly runTokenBudget: number;
  };
  readonly log: { readonly level: LogLevel };
  readonly auth: {
    /** undefined in development: the container generates and keeps one in DATA_DIR. */
    readonly jwtSecret: string | undefined;
    readonly credentialSecret: string | undefined;
    readonly sessionTtlSeconds: number;
    readonly skipEmailVerification: boolean;
    readonly enableDevResetTokens: boolean;
    /** Browser cookies get `Secure`. */
    readonly secureCookies: boolean;
  };
  readonly appUrl: string;
  readonly cors: { readonly origins: readonly string[] };
  readonly mail: {
    readonly from: string;
    readonly smtp:
      | {
          readonly host: string;
          readonly port: number;
          readonly secure: boolean;
          readonly user?: string;
          readonly pass?: string;
        }
      | undefined;
  };
  readonly oauth: {
    readonly github: OAuthClient & {
      readonly oauthUrl: string;
      readonly apiUrl: string;
      /** Where GitHub sends the browser back to: the dashboard's sign-in page. */
      readonly redirectUri: string;
    };
    readonly google: OAuthClient & {
      readonly redirectUri: string;
      readonly authorizeUrl: string;
      readonly tokenUrl: string;
      readonly userinfoUrl: string;
    };
  };
  readonly rateLimits: Readonly<Record<RateLimitTier, RateLimit>>;
}

/** Credentials of an OAuth app; `configured` is false when either half is missing. */
export interface OAuthClient {
  readonly configured: boolean;
  readonly clientId: string;
  readonly clientSecret: string;
}

export type RateLimitTier = 'general' | 'login' | 'forgot' | 'reset' | 'expensive' | 'ai';

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
  if (values.NODE_ENV === 'production') {
    if (!values.JWT_SECRET) problems.push('JWT_SECRET must be set in production (≥ 32 characters)');
    if ((values.CORS_ORIGIN as string[] | undefined)?.includes('*'))
      problems.push('CORS_ORIGIN must not be * in production');
    if (values.ENABLE_DEV_RESET_TOKENS === true)
      problems.push('ENABLE_DEV_RESET_TOKENS must not be true in production');
  }
  if (typeof values.STALE_SWEEP_CRON === 'string' && cronProblem(values.STALE_SWEEP_CRON))
    problems.push('STALE_SWEEP_CRON must be a standard 5-field cron expression');
  if (problems.length > 0) throw new ConfigError(problems);

  const str = (name: VariableName) => values[name] as string;
  const opt = (name: VariableName) => values[name] as string | undefined;
  const num = (name: VariableName) => values[name] as number;
  const dataDir = path.resolve(cwd, str('DATA_DIR'));
  const dbPath = opt('DB_PATH');
  const vendor = (apiKey: VariableName, model: VariableName, baseUrl: VariableName) => ({
    ...(opt(apiKey) ? { apiKey: opt(apiKey) } : {}),
    model: str(model),
    ...(opt(baseUrl) ? { baseUrl: opt(baseUrl) } : {}),
  });
  const basePath = str('APP_BASE_PATH').replace(/\/+$/, '');
  const appUrl = `${(opt('APP_URL') ?? `http://localhost:${num('PORT')}`).replace(/\/+$/, '')}${basePath}`;

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
    web: {
      distDir: resolveWebDist(opt('WEB_DIST_DIR'), cwd),
      cliBundle: fileURLToPath(new URL('../../../cli/dist/sentri.mjs', import.meta.url)),
    },
    redis: { url: opt('REDIS_URL') },
    queue: { maxWorkers: num('MAX_WORKERS') },
    browser: {
      defaultEngine: str('BROWSER_DEFAULT') as BrowserEngine,
      chromiumExecutablePath: opt('PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH'),
      headless: values.BROWSER_HEADLESS as boolean,
    },
    execution: {
      defaultWorkers: num('PARALLEL_WORKERS'),
      maxRetries: num('MAX_TEST_RETRIES'),
      testTimeoutMs: num('BROWSER_TEST_TIMEOUT'),
      navigationTimeoutMs: num('NAVIGATION_TIMEOUT'),
      viewport: { width: num('VIEWPORT_WIDTH'), height: num('VIEWPORT_HEIGHT') },
      screencast: values.RUN_SCREENCAST as boolean,
      visualDiffThreshold: num('VISUAL_DIFF_THRESHOLD'),
      visualPixelTolerance: num('VISUAL_DIFF_PIXEL_TOLERANCE'),
      healing: {
        elementTimeoutMs: num('HEALING_ELEMENT_TIMEOUT'),
        retryCount: num('HEALING_RETRY_COUNT'),
        retryDelayMs: num('HEALING_RETRY_DELAY'),
        hintMaxFails: num('HEALING_HINT_MAX_FAILS'),
      },
    },
    crawl: {
      maxPages: num('CRAWL_MAX_PAGES'),
      maxDepth: num('CRAWL_MAX_DEPTH'),
      networkIdleMs: num('CRAWL_NETWORKIDLE_TIMEOUT'),
      timeLimitMs: num('CRAWL_TIME_LIMIT_MS'),
      allowPrivateUrls: values.ALLOW_PRIVATE_URLS as boolean,
      connectionTestTimeoutMs: num('CONNECTION_TEST_TIMEOUT_MS'),
    },
    automation: {
      pollMs: num('SCHEDULER_POLL_MS'),
      missedAfterMs: num('SCHEDULE_MISSED_AFTER_MS'),
      staleTestDays: num('STALE_TEST_DAYS'),
      staleSweepCron: str('STALE_SWEEP_CRON'),
      notificationTimeoutMs: num('NOTIFICATION_TIMEOUT_MS'),
    },
    ai: {
      provider: opt('AI_PROVIDER') as Config['ai']['provider'],
      vendors: {
        anthropic: vendor('ANTHROPIC_API_KEY', 'ANTHROPIC_MODEL', 'ANTHROPIC_BASE_URL'),
        openai: vendor('OPENAI_API_KEY', 'OPENAI_MODEL', 'OPENAI_BASE_URL'),
        google: vendor('GOOGLE_API_KEY', 'GOOGLE_MODEL', 'GOOGLE_BASE_URL'),
      },
      ollama: {
        ...(opt('OLLAMA_BASE_URL') ? { baseUrl: opt('OLLAMA_BASE_URL') } : {}),
        ...(opt('OLLAMA_MODEL') ? { model: opt('OLLAMA_MODEL') } : {}),
      },
      maxRetries: num('LLM_MAX_RETRIES'),
      baseDelayMs: num('LLM_BASE_DELAY_MS'),
      maxBackoffMs: num('LLM_MAX_BACKOFF_MS'),
      maxTokens: num('LLM_MAX_TOKENS'),
      timeoutMs: num('LLM_TIMEOUT_MS'),
      runTokenBudget: num('LLM_RUN_TOKEN_BUDGET'),
    },
    log: { level: str('LOG_LEVEL') as LogLevel },
    auth: {
      jwtSecret: opt('JWT_SECRET'),
      credentialSecret: opt('CREDENTIAL_SECRET'),
      sessionTtlSeconds: num('SESSION_TTL_SECONDS'),
      skipEmailVerification: values.SKIP_EMAIL_VERIFICATION as boolean,
      enableDevResetTokens: values.ENABLE_DEV_RESET_TOKENS as boolean,
      secureCookies: values.NODE_ENV === 'production',
    },
    appUrl,
    cors: { origins: (values.CORS_ORIGIN as string[] | undefined) ?? [] },
    mail: {
      from: str('EMAIL_FROM'),
      smtp: opt('SMTP_HOST')
        ? {
            host: str('SMTP_HOST'),
            port: num('SMTP_PORT'),
            secure: values.SMTP_SECURE as boolean,
            user: opt('SMTP_USER'),
            pass: opt('SMTP_PASS'),
          }
        : undefined,
    },
    oauth: {
      github: {
        ...oauthClient(opt('GITHUB_CLIENT_ID'), opt('GITHUB_CLIENT_SECRET')),
        oauthUrl: str('GITHUB_OAUTH_URL').replace(/\/$/, ''),
        apiUrl: str('GITHUB_API_URL').replace(/\/$/, ''),
        redirectUri: `${appUrl}/login?provider=github`,
      },
      google: {
        ...oauthClient(opt('GOOGLE_CLIENT_ID'), opt('GOOGLE_CLIENT_SECRET')),
        redirectUri: opt('GOOGLE_REDIRECT_URI') ?? `${appUrl}/login?provider=google`,
        authorizeUrl: str('GOOGLE_AUTHORIZE_URL'),
        tokenUrl: str('GOOGLE_TOKEN_URL'),
        userinfoUrl: str('GOOGLE_USERINFO_URL'),
      },
    },
    rateLimits: {
      general: values.RATE_LIMIT_GENERAL as RateLimit,
      login: values.RATE_LIMIT_LOGIN as RateLimit,
      forgot: values.RATE_LIMIT_FORGOT as RateLimit,
      reset: values.RATE_LIMIT_RESET as RateLimit,
      expensive: values.RATE_LIMIT_EXPENSIVE as RateLimit,
      ai: values.RATE_LIMIT_AI as RateLimit,
    },
  });
}

/** apps/web/dist, found from this file's place in apps/server/{src,dist}/config. */
function resolveWebDist(configured: string | undefined, cwd: string): string {
  if (configured) return path.resolve(cwd, configured);
  return fileURLToPath(new URL('../../../web/dist', import.meta.url));
}

function oauthClient(clientId: string | undefined, clientSecret: string | undefined): OAuthClient {
  return { configured: Boolean(clientId && clientSecret), clientId: clientId ?? '', clientSecret: clientSecret ?? '' };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
