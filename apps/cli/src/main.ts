#!/usr/bin/env node
import { runCli } from './cli.js';

/** The `sentri` executable: everything lives in runCli, which tests call in-process. */
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: { isTTY: Boolean(process.stdout.isTTY), write: (text) => process.stdout.write(text) },
  stderr: { isTTY: Boolean(process.stderr.isTTY), write: (text) => process.stderr.write(text) },
  env: process.env,
});
