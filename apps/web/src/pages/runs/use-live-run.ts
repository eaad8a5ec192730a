import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { get } from '../../api/client';
import { useRunEvents, type RunStreamEvent } from '../../live/run-stream';
import { FrameStore } from './frame-store';
import {
  edgeOf,
  nodeOf,
  parseStoredLog,
  storedGraph,
  type GraphEdge,
  type GraphNode,
  type LogLevel,
  type LogLine,
  type Run,
  type RunResult,
} from './run-model';

export interface RunningTest {
  testId: string;
  retry: number;
  /** Title of the last step that ended. */
  step: string | null;
  heals: number;
}

export interface DoneInfo {
  status: string;
  testsGenerated?: number;
  error?: string;
}

interface LiveLog extends LogLine {
  seq: number | undefined;
}

const LEVELS = new Set<LogLevel>(['info', 'warn', 'error', 'success']);
/** Without a live connection a running run is re-read this often. */
const POLL_MS = 3000;

export const runKey = (runId: string) => ['runs', runId] as const;

/** Calls `flush` once per animation frame however often `schedule` is called. */
function useFrameBatch(flush: () => void): () => void {
  const pending = useRef<number | undefined>(undefined);
  const latest = useRef(flush);
  latest.current = flush;
  useEffect(() => () => cancelAnimationFrame(pending.current ?? 0), []);
  return useCallback(() => {
    if (pending.current !== undefined) return;
    pending.current = requestAnimationFrame(() => {
      pending.current = undefined;
      latest.current();
    });
  }, []);
}

/**
 * A run as stored (`GET /runs/:id`) kept current by its live events: results, counters and the
 * pipeline stage go into the query cache; what is live-only (frames, tokens, running tests, the
 * newest log lines and graph growth) is kept here. Re-reads the run when it ends.
 */
export function useLiveRun(runId: string) {
  const client = useQueryClient();
  const key = runKey(runId);
  const connectedRef = useRef(false);
  const query = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => get<Run>(`/runs/${encodeURIComponent(runId)}`, signal),
    refetchInterval: (q) => (q.state.data?.status === 'running' && !connectedRef.current ? POLL_MS : false),
  });
  const [frames] = useState(() => new FrameStore());
  const runningRef = useRef(new Map<string, RunningTest>());
  const finished = useRef(new Set<string>());
  const [running, setRunning] = useState<RunningTest[]>([]);
  const [liveLogs, setLiveLogs] = useState<LiveLog[]>([]);
  const levels = useRef(new Map<string, LogLevel>());
  const tokenBuffer = useRef('');
  const [tokens, setTokens] = useState('');
  const [liveNodes, setLiveNodes] = useState<GraphNode[]>([]);
  const [liveEdges, setLiveEdges] = useState<GraphEdge[]>([]);
  const [done, setDone] = useState<DoneInfo | null>(null);

  const flushRunning = useFrameBatch(() => setRunning([...runningRef.current.values()]));
  const flushTokens = useFrameBatch(() => setTokens(tokenBuffer.current));
  const update = (change: (run: Run) => Run) =>
    client.setQueryData<Run>(key, (previous) => (previous ? change(previous) : previous));
  const touch = (testId: string, change: Partial<RunningTest> = {}) => {
    if (finished.current.has(testId)) return false;
    const previous = runningRef.current.get(testId) ?? { testId, retry: 0, step: null, heals: 0 };
    runningRef.current.set(testId, { ...previous, ...change });
    flushRunning();
    return true;
  };

  // Only a running run has anything to stream; its first event is a full snapshot, so nothing
  // between the first read and the subscription is lost.
  const live = query.data?.status === 'running';
  const { connected } = useRunEvents(live ? runId : undefined, (event: RunStreamEvent) => {
    switch (event.type) {
      case 'snapshot': {
        const run = event.run as Partial<Run> | undefined;
        if (!run) break;
        // The first snapshot is the whole run; later ones (after each result) carry counters only.
        if (Array.isArray(run.results)) client.setQueryData<Run>(key, run as Run);
        else update((previous) => ({ ...previous, ...run }));
        break;
      }
      case 'log': {
        const message = typeof event.message === 'string' ? event.message : '';
        const level = LEVELS.has(event.level as LogLevel) ? (event.level as LogLevel) : 'info';
        levels.current.set(message, level);
        const at = new Date().toISOString();
        setLiveLogs((logs) => [
          ...logs,
          { key: `live-${event.seq ?? logs.length}`, seq: event.seq, level, message, at },
        ]);
        break;
      }
      case 'step':
        if (typeof event.testId === 'string')
          touch(event.testId, {
            step: typeof event.title === 'string' ? event.title : null,
            retry: typeof event.retry === 'number' ? event.retry : 0,
          });
        break;
      case 'frame':
        if (typeof event.testId !== 'string' || typeof event.data !== 'string') break;
        if (finished.current.has(event.testId)) break;
        if (!runningRef.current.has(event.testId)) touch(event.testId);
        frames.put(event.testId, event.data);
        break;
      case 'heal': {
        const heal = event.heal as { testId?: unknown } | undefined;
        const testId = typeof heal?.testId === 'string' ? heal.testId : undefined;
        if (testId) touch(testId, { heals: (runningRef.current.get(testId)?.heals ?? 0) + 1 });
        break;
      }
      case 'result': {
        const result = event.result as RunResult | undefined;
        if (!result?.testId) break;
        finished.current.add(result.testId);
        runningRef.current.delete(result.testId);
        frames.drop(result.testId);
        flushRunning();
        update((run) => {
          const index = run.results.findIndex((item) => item.testId === result.testId);
          const results = [...run.results];
          if (index >= 0) results[index] = result;
          else results.push(result);
          return { ...run, results };
        });
        break;
      }
      case 'stage': {
        const step = event.step;
        if (typeof step === 'number') update((run) => ({ ...run, currentStep: step }));
        break;
      }
      case 'page': {
        const node = nodeOf(event.node);
        if (node) setLiveNodes((nodes) => [...nodes, node]);
        const found = event.pagesFound;
        if (typeof found === 'number') update((run) => ({ ...run, pagesFound: found }));
        break;
      }
      case 'edge': {
        const edge = edgeOf(event.edge);
        if (edge) setLiveEdges((edges) => [...edges, edge]);
        break;
      }
      case 'llm_token':
        if (typeof event.token === 'string') {
          tokenBuffer.current += event.token;
          flushTokens();
        }
        break;
      case 'done':
        setDone({
          status: typeof event.status === 'string' ? event.status : 'completed',
          ...(typeof event.testsGenerated === 'number' ? { testsGenerated: event.testsGenerated } : {}),
          ...(typeof event.error === 'string' ? { error: event.error } : {}),
        });
        runningRef.current.clear();
        frames.clear();
        flushRunning();
        // The stored run now has every log line, result and the final graph (unless it is already
        // the finished run: the stream says `done` right after the snapshot of a run that has ended).
        if (client.getQueryData<Run>(key)?.status === 'running')
          void client.invalidateQueries({ queryKey: key }).then(() => setLiveLogs([]));
        break;
    }
  });
  connectedRef.current = connected;

  const run = query.data;
  const logs = useMemo(() => {
    if (!run) return [];
    const stored = run.logs.map((line, index) => parseStoredLog(line, index, levels.current));
    const after = liveLogs.filter((log) => log.seq === undefined || log.seq > run.lastEventId);
    return [...stored, ...after];
  }, [run, liveLogs]);

  const graph = useMemo(() => {
    const stored = run ? storedGraph(run) : { nodes: [], edges: [] };
    const nodes = new Map<string, GraphNode>();
    for (const node of [...stored.nodes, ...liveNodes]) if (!nodes.has(node.url)) nodes.set(node.url, node);
    const edges = new Map<string, GraphEdge>();
    for (const edge of [...stored.edges, ...liveEdges]) edges.set(`${edge.from}→${edge.to}→${edge.action}`, edge);
    return { nodes: [...nodes.values()], edges: [...edges.values()] };
  }, [run, liveNodes, liveEdges]);

  // Tiles of tests whose result the stored run already has (a poll got there first) go away.
  const visibleRunning = useMemo(() => {
    const done = new Set(run?.results.map((result) => result.testId));
    return run?.status === 'running' ? running.filter((test) => !done.has(test.testId)) : [];
  }, [run, running]);

  return { query, connected, frames, running: visibleRunning, logs, tokens, graph, done };
}

export type LiveRun = ReturnType<typeof useLiveRun>;
