/**
 * How `sentri` ends. CI systems only see the number, so each outcome a pipeline may want to
 * tell apart (tests failed vs. the run broke vs. we could not even talk to the server) has its own.
 */
export const EXIT = {
  /** Every test passed (flaky tests count as passed). */
  OK: 0,
  /** The run completed and one or more tests failed. */
  TESTS_FAILED: 1,
  /** Missing or invalid flags. */
  USAGE: 2,
  /** The run itself ended failed, aborted or interrupted (not a test failure). */
  RUN_FAILED: 3,
  /** `--timeout` passed before the run ended (the run keeps going on the server). */
  TIMEOUT: 4,
  /** The server refused the token (401/403). */
  AUTH: 5,
  /** Any other API error: unknown project, run already active, rate limited, bad request. */
  API_ERROR: 6,
  /** The server could not be reached, the connection broke, or it answered 5xx. */
  UNREACHABLE: 7,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** One line per code, for `--help` and the README. */
export const EXIT_CODE_HELP: readonly (readonly [ExitCode, string])[] = [
  [EXIT.OK, 'every test passed (flaky tests count as passed)'],
  [EXIT.TESTS_FAILED, 'one or more tests failed'],
  [EXIT.USAGE, 'usage error: missing or invalid flags'],
  [EXIT.RUN_FAILED, 'the run itself failed, was aborted or interrupted'],
  [EXIT.TIMEOUT, '--timeout passed (the run was not aborted on the server)'],
  [EXIT.AUTH, 'the token was refused (401/403)'],
  [EXIT.API_ERROR, 'other API error (unknown project, run already active, rate limited, ...)'],
  [EXIT.UNREACHABLE, 'server unreachable, connection lost, or a server error (5xx)'],
];

/** An error that already knows how the process should end and what to tell the user. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** The exit code for an HTTP error status from the API. */
export function exitCodeForHttpStatus(status: number): ExitCode {
  if (status === 401 || status === 403) return EXIT.AUTH;
  if (status >= 500) return EXIT.UNREACHABLE;
  return EXIT.API_ERROR;
}

/**
 * The exit code for a finished run. `completed` only means execution finished: failed tests
 * are in the counts. Any other terminal status means the run itself did not finish its work.
 */
export function exitCodeForRun(status: string, failed: number): ExitCode {
  if (status !== 'completed') return EXIT.RUN_FAILED;
  return failed > 0 ? EXIT.TESTS_FAILED : EXIT.OK;
}
