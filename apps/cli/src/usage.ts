import { EXIT_CODE_HELP } from './exit-codes.js';

const EXIT_CODES = `Exit codes:\n${EXIT_CODE_HELP.map(([code, text]) => `  ${code}  ${text}`).join('\n')}\n`;

const CONNECTION = `Connection (every command):
  --url <url>         Sentri server, e.g. https://sentri.example.com   (env SENTRI_URL)
  --token <token>     the project's trigger token                       (env SENTRI_TOKEN)
  --project <id>      project id, e.g. PRJ-1
Flags win over the environment. Prefer SENTRI_TOKEN: it keeps the token out of process lists.`;

export const MAIN_USAGE = `Usage: sentri <command> [options]

Commands:
  run       Start a run of the project's approved tests; with --wait, follow it and exit with its outcome
  export    Download the approved tests as a standalone Playwright project

Options:
  --version   Print the version
  --help      Print this help (or: sentri <command> --help)

${EXIT_CODES}`;

export const RUN_USAGE = `Usage: sentri run --url <url> --project <id> --token <token> [options]

Starts a run of the project's approved tests. Without --wait it prints the run id and status URL
and exits 0 as soon as the server accepted the run.

${CONNECTION}

Options:
  --wait                 follow the run live and exit with its outcome
  --junit <file>         after the run, write its JUnit XML report here (implies --wait)
  --ctrf <file>          after the run, write its CTRF JSON report here (implies --wait)
  --timeout <duration>   stop waiting after 90s, 30m, 1h or plain seconds (default 30m; implies
                         --wait); the run itself continues on the server
  --callback-url <url>   the server POSTs the outcome here when the run ends
  --workers <n>          parallel browsers for this run (1-10)
  --quiet                no progress output, only the summary and errors
  --verbose              also print the server's log lines
  --help                 print this help

${EXIT_CODES}`;

export const EXPORT_USAGE = `Usage: sentri export --url <url> --project <id> --token <token> --out <dir>

Downloads the project's approved tests as a Playwright project (package.json,
playwright.config.ts, tests/*.spec.ts) and unpacks it into <dir>; then
  cd <dir> && npm install && npx playwright test

${CONNECTION}

Options:
  --out <dir>   directory to unpack into (created if missing; existing files are overwritten)
  --help        print this help

${EXIT_CODES}`;
