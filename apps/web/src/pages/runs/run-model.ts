import type { Run, RunResult } from '../../api/types';

/**
 * Shapes the run view carries as `unknown` in the generated types (they are JSON columns on the
 * server), narrowed here once so the components below can rely on them.
 */
export type LogLevel = 'info' | 'warn' | 'error' | 'success';

export interface LogLine {
  key: string;
  level: LogLevel;
  message: string;
  /** ISO time, when known. */
  at: string | null;
}

export interface GraphNode {
  id: string;
  url: string;
  title: string;
  status: string;
}

export interface GraphEdge {
  from: string;
  to: string;
  action: string;
  label: string;
}

export interface NetworkEntry {
  method: string;
  url: string;
  status: number | null;
  durationMs: number | null;
  failure?: string;
}

export interface VisualDiff {
  step: number;
  status: 'baseline_created' | 'match' | 'regression' | 'error' | string;
  diffPixels?: number;
  totalPixels?: number;
  diffRatio?: number;
  threshold?: number;
  baselinePath?: string;
  diffPath?: string;
  reason?: string;
}

export interface HealEvent {
  key?: string;
  action?: string;
  label?: string;
  strategy?: string;
  strategyIndex?: number;
  previousStrategy?: string;
  healed?: boolean;
  failed?: boolean;
  score?: number;
  oldLocator?: string;
  newLocator?: string;
  before?: unknown;
  after?: unknown;
  /** Stored screenshot URL (set once the test's evidence is stored). */
  screenshot?: string;
  durationMs?: number;
  retry?: number;
}

export interface QueuedTest {
  id: string;
  name: string;
}

export type { Run, RunResult };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown, fallback = ''): string => (typeof value === 'string' ? value : fallback);

/** The tests a test run was started with, in queue order. */
export function queueOf(run: Run): QueuedTest[] {
  return run.testQueue.filter(isRecord).map((item) => ({ id: str(item.id), name: str(item.name, str(item.id)) }));
}

export function nodeOf(value: unknown): GraphNode | undefined {
  if (!isRecord(value) || typeof value.url !== 'string') return undefined;
  return {
    id: str(value.id, value.url),
    url: value.url,
    title: str(value.title),
    status: str(value.status, 'crawled'),
  };
}

export function edgeOf(value: unknown): GraphEdge | undefined {
  if (!isRecord(value) || typeof value.from !== 'string' || typeof value.to !== 'string') return undefined;
  return { from: value.from, to: value.to, action: str(value.action, 'link'), label: str(value.label) };
}

/** Nodes and edges stored on the run: the final `siteGraph`, or the pages found so far. */
export function storedGraph(run: Run): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const graph = isRecord(run.siteGraph) ? run.siteGraph : {};
  const nodes = (Array.isArray(graph.nodes) ? graph.nodes : []).map(nodeOf).filter((node) => node !== undefined);
  const pages = (Array.isArray(run.pages) ? run.pages : []).map(nodeOf).filter((node) => node !== undefined);
  const edges = (Array.isArray(graph.edges) ? graph.edges : []).map(edgeOf).filter((edge) => edge !== undefined);
  return { nodes: [...nodes, ...pages], edges };
}

export const generatedTestIds = (run: Run): string[] =>
  Array.isArray(run.tests) ? run.tests.filter((id): id is string => typeof id === 'string') : [];

export const currentStepOf = (run: Run): number => (typeof run.currentStep === 'number' ? run.currentStep : 0);

export const networkOf = (result: RunResult): NetworkEntry[] =>
  result.network.filter(isRecord).map((entry) => ({
    method: str(entry.method, 'GET'),
    url: str(entry.url),
    status: typeof entry.status === 'number' ? entry.status : null,
    durationMs: typeof entry.durationMs === 'number' ? entry.durationMs : null,
    ...(typeof entry.failure === 'string' ? { failure: entry.failure } : {}),
  }));

export const visualDiffsOf = (result: RunResult): VisualDiff[] =>
  result.visualDiffs.filter(isRecord).map((diff) => diff as unknown as VisualDiff);

export const healsOf = (result: RunResult): HealEvent[] => result.healingEvents.map((heal) => heal as HealEvent);

export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const minutes = Math.floor(seconds / 60);
  const rest = Math.round(seconds % 60);
  if (minutes < 60) return `${minutes} min ${rest} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

export const formatTime = (iso: string | null | undefined): string =>
  iso ? new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' }) : '—';

export const RUN_STATUS_COLOR: Record<string, string> = {
  running: 'blue',
  completed: 'green',
  completed_empty: 'gray',
  failed: 'red',
  aborted: 'orange',
  interrupted: 'orange',
};

export const RESULT_STATUS_COLOR: Record<string, string> = {
  passed: 'green',
  failed: 'red',
  flaky: 'yellow',
  skipped: 'gray',
  running: 'blue',
  queued: 'gray',
};

export const humanize = (value: string): string => {
  const text = value.replace(/_/g, ' ').toLowerCase();
  return text.charAt(0).toUpperCase() + text.slice(1);
};

export const RUN_TYPE_LABEL: Record<string, string> = {
  test_run: 'Test run',
  crawl: 'Crawl',
  generate: 'Test generation',
};

/** The level of a stored log line, which keeps only the text: the runner marks its lines with emoji. */
export function guessLevel(message: string): LogLevel {
  if (/^(❌|⛔)|^Run failed/u.test(message)) return 'error';
  if (/^(⚠️|⚠|↻)|^Rejected |^No new tests|^Aborted/u.test(message)) return 'warn';
  if (/^✅|^Run finished|^Generated \d+|^Crawl done/u.test(message)) return 'success';
  return 'info';
}

/** `[<ISO time>] <text>`, as `GET /runs/:id` stores each log line. */
export function parseStoredLog(line: string, index: number, levels: Map<string, LogLevel>): LogLine {
  const match = /^\[([^\]]+)\] ([\s\S]*)$/.exec(line);
  const message = match?.[2] ?? line;
  return {
    key: `stored-${index}`,
    level: levels.get(message) ?? guessLevel(message),
    message,
    at: match?.[1] ?? null,
  };
}
