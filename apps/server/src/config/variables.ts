/**
 * Every environment variable Sentri reads, declared once. `loadConfig` parses them and
 * `.env.example` is generated from this table, so the two cannot drift apart.
 */
import { MAIL_AND_OAUTH_VARIABLES, RATE_LIMIT_VARIABLES, SECURITY_VARIABLES } from './variables-security.js';
import { AI_VARIABLES } from './variables-ai.js';
import { DISCOVERY_VARIABLES } from './variables-discovery.js';
import { AUTOMATION_VARIABLES } from './variables-automation.js';
import { EXECUTION_VARIABLES } from './variables-execution.js';
import { v, type VariableSpec } from './variable-spec.js';

export type { VariableKind, VariableSpec } from './variable-spec.js';

export const VARIABLES = {
  NODE_ENV: v({
    kind: 'enum',
    group: 'Server',
    values: ['development', 'production', 'test'],
    default: 'development',
    doc: 'Deployment mode.',
  }),
  HOST: v({ kind: 'string', group: 'Server', default: '0.0.0.0', doc: 'Interface to listen on.' }),
  PORT: v({ kind: 'integer', group: 'Server', default: '3001', min: 0, max: 65535, doc: 'HTTP port.' }),
  SENTRI_ROLES: v({
    kind: 'list',
    group: 'Server',
    values: ['api', 'worker', 'scheduler'],
    default: 'api,worker,scheduler',
    doc: 'What this process does: serve the API, execute jobs, fire schedules (comma-separated).',
  }),
  BODY_LIMIT_BYTES: v({
    kind: 'integer',
    group: 'Server',
    default: '1048576',
    min: 1024,
    max: 104857600,
    doc: 'Largest JSON request body accepted; larger bodies get 413.',
  }),
  SHUTDOWN_DRAIN_MS: v({
    kind: 'integer',
    group: 'Server',
    default: '10000',
    min: 0,
    max: 600000,
    doc: 'How long SIGTERM/SIGINT waits for in-flight requests and jobs before closing.',
  }),
  TRUST_PROXY: v({
    kind: 'string',
    group: 'Server',
    doc: 'Proxies whose X-Forwarded-For is believed (addresses/CIDRs, comma-separated, or a hop count). Unset: the socket address is the client.',
  }),
  WEB_DIST_DIR: v({
    kind: 'string',
    group: 'Server',
    doc: 'Built dashboard served on /. Default: apps/web/dist of this checkout.',
  }),
  DATA_DIR: v({
    kind: 'string',
    group: 'Storage',
    default: './data',
    doc: 'Holds the SQLite file and the artifact store.',
  }),
  DB_PATH: v({
    kind: 'string',
    group: 'Storage',
    doc: 'SQLite file. Default: DATA_DIR/sentri.db.',
  }),
  DATABASE_URL: v({
    kind: 'url',
    group: 'Storage',
    schemes: ['postgres:', 'postgresql:'],
    doc: 'PostgreSQL connection string; when set, PostgreSQL is used instead of SQLite.',
    example: 'postgres://sentri:secret@127.0.0.1:5432/sentri',
  }),
  PG_POOL_SIZE: v({ kind: 'integer', group: 'Storage', default: '10', min: 1, max: 200, doc: 'PostgreSQL pool size.' }),
  REDIS_URL: v({
    kind: 'url',
    group: 'Queue and events',
    schemes: ['redis:', 'rediss:'],
    doc: 'When set: BullMQ jobs, Redis pub/sub events and shared rate limits.',
    example: 'redis://127.0.0.1:6379',
  }),
  MAX_WORKERS: v({
    kind: 'integer',
    group: 'Queue and events',
    default: '2',
    min: 1,
    max: 64,
    doc: 'Jobs a worker process runs at once.',
  }),
  BROWSER_DEFAULT: v({
    kind: 'enum',
    group: 'Browser',
    values: ['chromium', 'firefox', 'webkit'],
    default: 'chromium',
    doc: 'Engine used when a run does not name one.',
  }),
  PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH: v({
    kind: 'string',
    group: 'Browser',
    doc: 'Chromium binary. Default: the first of /usr/bin/chromium, /usr/lib/chromium/chromium, /usr/bin/chromium-browser, /usr/bin/google-chrome that exists.',
  }),
  BROWSER_HEADLESS: v({ kind: 'boolean', group: 'Browser', default: 'true', doc: '`false` shows the browser window.' }),
  LOG_LEVEL: v({
    kind: 'enum',
    group: 'Logging',
    values: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'],
    default: 'info',
    doc: 'Log threshold.',
  }),
  ...EXECUTION_VARIABLES,
  ...DISCOVERY_VARIABLES,
  ...AI_VARIABLES,
  ...AUTOMATION_VARIABLES,
  ...SECURITY_VARIABLES,
  ...MAIL_AND_OAUTH_VARIABLES,
  ...RATE_LIMIT_VARIABLES,
} as const satisfies Record<string, VariableSpec>;

export type VariableName = keyof typeof VARIABLES;
