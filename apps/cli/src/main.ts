#!/usr/bin/env node
import { readFileSync } from 'node:fs';

/**
 * The `sentri` command for CI. For now it knows its version and its usage; trigger, wait and
 * report commands arrive with the CI trigger API.
 */
const USAGE = `Usage: sentri <command> [options]

Options:
  --version   Print the version
  --help      Print this help
`;

function version(): string {
  const file = new URL('../package.json', import.meta.url);
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

const [first] = process.argv.slice(2);
if (first === '--version' || first === '-v') {
  process.stdout.write(`${version()}\n`);
} else if (first === undefined || first === '--help' || first === '-h') {
  process.stdout.write(USAGE);
} else {
  process.stderr.write(`sentri: unknown command "${first}"\n\n${USAGE}`);
  process.exitCode = 2;
}
