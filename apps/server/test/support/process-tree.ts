import fs from 'node:fs';

export interface ProcessInfo {
  pid: number;
  ppid: number;
  /** The executable's short name, as the kernel reports it (`chromium`, `node`, …). */
  name: string;
  cmdline: string;
}

/**
 * Every live process that belongs to a directory: its command line, working directory or
 * environment (`TMPDIR`, `HOME`, …) mentions `marker`. A server started with `TMPDIR` inside a
 * test's private directory marks everything it spawns that way — the test runner, its workers,
 * every Chromium process (browser, zygotes, renderers) — and the mark survives the parent's death,
 * unlike ancestry, which a SIGKILL hands over to init.
 */
export function processesMarkedBy(marker: string): ProcessInfo[] {
  const found: ProcessInfo[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    if (pid === process.pid) continue;
    const info = readProcess(pid);
    if (!info || info.zombie) continue;
    const cwd = safe(() => fs.readlinkSync(`/proc/${pid}/cwd`)) ?? '';
    const environ = safe(() => fs.readFileSync(`/proc/${pid}/environ`, 'utf8')) ?? '';
    if (info.cmdline.includes(marker) || cwd.startsWith(marker) || environ.includes(marker)) {
      found.push({ pid, ppid: info.ppid, name: info.name, cmdline: info.cmdline });
    }
  }
  return found;
}

/** Every live process below `pid` (children, their children, …), read from /proc. */
export function descendantsOf(pid: number): ProcessInfo[] {
  const all: ProcessInfo[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const info = readProcess(Number(entry));
    if (info && !info.zombie) all.push({ pid: Number(entry), ppid: info.ppid, name: info.name, cmdline: info.cmdline });
  }
  const below = new Set([pid]);
  // Parents may be listed after their children: sweep until nothing new joins.
  for (let grew = true; grew;) {
    grew = false;
    for (const candidate of all) {
      if (!below.has(candidate.pid) && below.has(candidate.ppid)) {
        below.add(candidate.pid);
        grew = true;
      }
    }
  }
  return all.filter((candidate) => candidate.pid !== pid && below.has(candidate.pid));
}

/** Polls until no process carries the mark, or the time is up; returns what is left (empty: none). */
export async function waitUntilGone(marker: string, timeoutMs: number): Promise<ProcessInfo[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const left = processesMarkedBy(marker);
    if (left.length === 0 || Date.now() > deadline) return left;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Cleanup after a failed test: SIGKILL whatever still carries the mark. */
export function killMarked(marker: string): void {
  for (const { pid } of processesMarkedBy(marker)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}

/** A readable summary for assertion messages: `1234 chromium --type=renderer …`. */
export function describeProcesses(processes: ProcessInfo[]): string {
  return processes.map(({ pid, name, cmdline }) => `${pid} ${name} ${cmdline.slice(0, 160)}`).join('\n');
}

function readProcess(pid: number): { ppid: number; name: string; cmdline: string; zombie: boolean } | undefined {
  const stat = safe(() => fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  if (!stat) return undefined;
  // `pid (name) state ppid …`: the name may itself hold spaces and parentheses.
  const close = stat.lastIndexOf(')');
  const name = stat.slice(stat.indexOf('(') + 1, close);
  const [state = '', ppid = '0'] = stat
    .slice(close + 2)
    .split(' ')
    .slice(0, 2);
  const cmdline = (safe(() => fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8')) ?? '').replaceAll('\0', ' ').trim();
  return { ppid: Number(ppid), name, cmdline, zombie: state === 'Z' || state === 'X' };
}

function safe<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}
