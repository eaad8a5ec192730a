import { readFileSync } from 'node:fs';

declare const __SENTRI_CLI_VERSION__: string | undefined;
import { SentriClient } from './api-client.js';
import { parseCommandLine, UsageError, type Env } from './args.js';
import { CliError, EXIT, type ExitCode } from './exit-codes.js';
import { exportCommand } from './export-command.js';
import { DEFAULT_TIMING, type FollowTiming } from './follow-run.js';
import type { Output } from './progress.js';
import { runCommand } from './run-command.js';
import { EXPORT_USAGE, MAIN_USAGE, RUN_USAGE } from './usage.js';

export interface CliIo {
  stdout: Output;
  stderr: Output;
  env: Env;
  /** Tests shorten the waits; real use keeps the defaults. */
  timing?: FollowTiming;
}

export function version(): string {
  // Set when bundled into the single file the server hands out, which has no package.json beside it.
  if (typeof __SENTRI_CLI_VERSION__ === 'string') return __SENTRI_CLI_VERSION__;
  const file = new URL('../package.json', import.meta.url);
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

const USAGE = { main: MAIN_USAGE, run: RUN_USAGE, export: EXPORT_USAGE } as const;

/** Runs one `sentri` invocation and returns its exit code; never throws. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  // The token must never reach a log, whatever message ends up mentioning it.
  let secret: string | null = null;
  const redact = (text: string) => (secret ? text.split(secret).join('***') : text);
  const stdout: Output = { isTTY: io.stdout.isTTY, write: (text) => io.stdout.write(redact(text)) };
  const stderr: Output = { isTTY: io.stderr.isTTY, write: (text) => io.stderr.write(redact(text)) };
  try {
    const invocation = parseCommandLine(argv, io.env);
    if (invocation.command === 'help') {
      stdout.write(USAGE[invocation.topic]);
      return EXIT.OK;
    }
    if (invocation.command === 'version') {
      stdout.write(`${version()}\n`);
      return EXIT.OK;
    }
    // Real trigger tokens are 80 hex characters; masking a one-letter test token would garble every line.
    secret = invocation.token.length >= 8 ? invocation.token : null;
    const client = new SentriClient(invocation, version());
    const commandIo = { stdout, stderr, timing: io.timing ?? DEFAULT_TIMING };
    return invocation.command === 'run'
      ? await runCommand(invocation, client, commandIo)
      : await exportCommand(invocation, client, commandIo);
  } catch (error) {
    if (error instanceof UsageError) {
      const help = error.topic === 'main' ? 'sentri --help' : `sentri ${error.topic} --help`;
      stderr.write(`sentri: ${error.message}\nRun "${help}" for usage.\n`);
      return EXIT.USAGE;
    }
    if (error instanceof CliError) {
      stderr.write(`sentri: ${error.message}\n`);
      return error.exitCode;
    }
    stderr.write(
      `sentri: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return EXIT.API_ERROR;
  }
}
