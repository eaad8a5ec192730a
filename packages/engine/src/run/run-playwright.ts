import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { ChildMessage, RunPlan } from './run-plan.js';
import { writeRunDir } from './write-run-dir.js';

const require = createRequire(import.meta.url);

export interface PlaywrightExit {
  /** The exit code, or null when the process was killed. */
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Whether the reporter said the run ended; false means the process died before that. */
  ended: boolean;
  aborted: boolean;
  /** The last lines the process wrote to stderr, for a run that failed to start. */
  stderrTail: string;
}

export interface PlaywrightRun {
  readonly exited: Promise<PlaywrightExit>;
  /** Stops the run: SIGTERM to the whole process group, SIGKILL after `graceMs`. */
  abort(graceMs?: number): void;
}

/**
 * The environment test code runs with: enough to find binaries and fonts, a private home and
 * temp dir inside the run directory, and the runtime's settings. Nothing of the server's own
 * environment (database URLs, secrets, API keys) is passed through.
 */
export function childEnvironment(plan: RunPlan): NodeJS.ProcessEnv {
  const tmp = path.join(plan.dir, 'tmp');
  // eslint-disable-next-line no-restricted-properties -- where binaries and fonts are, nothing else
  const { PATH, LANG, FONTCONFIG_PATH } = process.env;
  return {
    PATH: PATH ?? '/usr/local/bin:/usr/bin:/bin',
    HOME: tmp,
    TMPDIR: tmp,
    LANG: LANG ?? 'C.UTF-8',
    ...(FONTCONFIG_PATH ? { FONTCONFIG_PATH } : {}),
    FORCE_COLOR: '0',
    PLAYWRIGHT_FORCE_TTY: '0',
    SENTRI_EVENTS: '1',
    SENTRI_NETWORK: plan.context.network,
    SENTRI_SCREENCAST: plan.screencast ? '1' : '0',
    SENTRI_LIVE_FILE: liveFile(plan),
    ...(plan.healing ? { SENTRI_HEALING_FILE: path.join(plan.dir, 'healing.json') } : {}),
    ...plan.runtimeEnv,
  };
}

/** Present while someone watches the run: the runtime streams frames only then. */
export const liveFile = (plan: Pick<RunPlan, 'dir'>) => path.join(plan.dir, 'live');

/** Starts `playwright test` on the plan in a child process; messages arrive through `onMessage`. */
export function runPlaywright(plan: RunPlan, onMessage: (message: ChildMessage) => void): PlaywrightRun {
  const configPath = writeRunDir(plan);
  const child = spawn(process.execPath, [require.resolve('@playwright/test/cli'), 'test', '--config', configPath], {
    cwd: plan.dir,
    env: childEnvironment(plan),
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    // Its own process group, so an abort reaches the workers too.
    detached: true,
  });
  let ended = false;
  let aborted = false;
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  child.on('message', (message: ChildMessage) => {
    if (message.type === 'end') ended = true;
    onMessage(message);
  });
  const exited = new Promise<PlaywrightExit>((resolve) => {
    child.once('error', (error) =>
      resolve({ code: null, signal: null, ended, aborted, stderrTail: `${stderr}\n${error.message}`.trim() }),
    );
    child.once('exit', (code, signal) =>
      resolve({ code, signal, ended, aborted, stderrTail: stderr.split('\n').slice(-20).join('\n') }),
    );
  });
  const signalGroup = (signal: NodeJS.Signals) => {
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // Already gone.
    }
  };
  return {
    exited,
    abort(graceMs = 2000) {
      aborted = true;
      signalGroup('SIGTERM');
      const killer = setTimeout(() => signalGroup('SIGKILL'), graceMs);
      killer.unref();
      void exited.then(() => clearTimeout(killer));
    },
  };
}
