import { parseArgs } from 'node:util';
import { parseDuration } from './duration.js';
import { CliError, EXIT } from './exit-codes.js';

export const DEFAULT_TIMEOUT_MS = 30 * 60_000;
/** The server clamps parallel workers to this range (API.md §5.12); saying so early is kinder. */
const MAX_WORKERS = 10;

export interface Connection {
  /** Server origin plus any base path, without a trailing slash and without `/api/v1`. */
  url: string;
  token: string;
  project: string;
}

export interface RunOptions extends Connection {
  command: 'run';
  wait: boolean;
  junit: string | null;
  ctrf: string | null;
  timeoutMs: number;
  callbackUrl: string | null;
  workers: number | null;
  quiet: boolean;
  verbose: boolean;
}

export interface ExportOptions extends Connection {
  command: 'export';
  out: string;
}

export type Invocation =
  RunOptions | ExportOptions | { command: 'help'; topic: 'main' | 'run' | 'export' } | { command: 'version' };

export type Env = Readonly<Record<string, string | undefined>>;

export class UsageError extends CliError {
  constructor(
    message: string,
    readonly topic: 'main' | 'run' | 'export' = 'main',
  ) {
    super(message, EXIT.USAGE);
    this.name = 'UsageError';
  }
}

const CONNECTION_OPTIONS = {
  url: { type: 'string' },
  token: { type: 'string' },
  project: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const RUN_OPTIONS = {
  ...CONNECTION_OPTIONS,
  wait: { type: 'boolean' },
  junit: { type: 'string' },
  ctrf: { type: 'string' },
  timeout: { type: 'string' },
  'callback-url': { type: 'string' },
  workers: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  verbose: { type: 'boolean' },
} as const;

const EXPORT_OPTIONS = { ...CONNECTION_OPTIONS, out: { type: 'string' } } as const;

/** Turns argv (without `node` and the script) and the environment into what to do, or throws a UsageError. */
export function parseCommandLine(argv: readonly string[], env: Env): Invocation {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h') return { command: 'help', topic: 'main' };
  if (command === '--version' || command === '-v') return { command: 'version' };
  if (command === 'help')
    return { command: 'help', topic: rest[0] === 'run' || rest[0] === 'export' ? rest[0] : 'main' };
  if (command === 'run') return parseRun(rest, env);
  if (command === 'export') return parseExport(rest, env);
  throw new UsageError(`unknown command "${command}"`);
}

function parseRun(args: readonly string[], env: Env): Invocation {
  const { values } = parse(args, RUN_OPTIONS, 'run');
  if (values.help) return { command: 'help', topic: 'run' };
  const connection = connectionOf(values, env, 'run');
  const timeoutMs = values.timeout === undefined ? DEFAULT_TIMEOUT_MS : parseDuration(values.timeout);
  if (timeoutMs === null) {
    throw new UsageError(
      `--timeout must look like 90s, 30m, 1h or a number of seconds (got "${values.timeout}")`,
      'run',
    );
  }
  let workers: number | null = null;
  if (values.workers !== undefined) {
    workers = Number(values.workers);
    if (!/^\d+$/.test(values.workers.trim()) || workers < 1 || workers > MAX_WORKERS) {
      throw new UsageError(
        `--workers must be a whole number from 1 to ${MAX_WORKERS} (got "${values.workers}")`,
        'run',
      );
    }
  }
  const callbackUrl = values['callback-url'] ?? null;
  if (callbackUrl !== null && !isHttpUrl(callbackUrl)) {
    throw new UsageError('--callback-url must be an http(s) URL', 'run');
  }
  const junit = nonEmpty(values.junit, '--junit', 'run');
  const ctrf = nonEmpty(values.ctrf, '--ctrf', 'run');
  return {
    command: 'run',
    ...connection,
    // A report can only be written once the run is over, and a time limit only limits waiting:
    // asking for either means waiting.
    wait: Boolean(values.wait) || junit !== null || ctrf !== null || values.timeout !== undefined,
    junit,
    ctrf,
    timeoutMs,
    callbackUrl,
    workers,
    quiet: Boolean(values.quiet),
    verbose: Boolean(values.verbose) && !values.quiet,
  };
}

function parseExport(args: readonly string[], env: Env): Invocation {
  const { values } = parse(args, EXPORT_OPTIONS, 'export');
  if (values.help) return { command: 'help', topic: 'export' };
  const connection = connectionOf(values, env, 'export');
  const out = nonEmpty(values.out, '--out', 'export');
  if (out === null) throw new UsageError('--out <dir> is required', 'export');
  return { command: 'export', ...connection, out };
}

function parse<T extends typeof RUN_OPTIONS | typeof EXPORT_OPTIONS>(
  args: readonly string[],
  options: T,
  topic: 'run' | 'export',
) {
  try {
    return parseArgs({ args: [...args], options, strict: true, allowPositionals: false });
  } catch (error) {
    // Node's messages name the flag but never echo option values, so no secret leaks through them.
    throw new UsageError(error instanceof Error ? error.message : String(error), topic);
  }
}

function connectionOf(
  values: { url?: string; token?: string; project?: string },
  env: Env,
  topic: 'run' | 'export',
): Connection {
  const url = values.url ?? env.SENTRI_URL;
  const token = values.token ?? env.SENTRI_TOKEN;
  const project = values.project?.trim();
  const missing = [
    !url?.trim() && '--url (or SENTRI_URL)',
    !project && '--project',
    !token?.trim() && '--token (or SENTRI_TOKEN)',
  ].filter(Boolean);
  if (missing.length > 0) throw new UsageError(`missing ${missing.join(', ')}`, topic);
  if (!isHttpUrl(url!.trim())) throw new UsageError(`--url must be an http(s) URL (got "${url}")`, topic);
  return { url: serverBase(url!), token: token!.trim(), project: project! };
}

/** Accepts the server's address with or without a trailing `/` or `/api/v1`. */
export function serverBase(url: string): string {
  const parsed = new URL(url.trim());
  parsed.search = '';
  parsed.hash = '';
  return parsed.href.replace(/\/+$/, '').replace(/\/api\/v1$/, '');
}

function isHttpUrl(text: string): boolean {
  try {
    const { protocol } = new URL(text);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

function nonEmpty(value: string | undefined, flag: string, topic: 'run' | 'export'): string | null {
  if (value === undefined) return null;
  if (value.trim() === '') throw new UsageError(`${flag} needs a file or directory name`, topic);
  return value;
}
