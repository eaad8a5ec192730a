import { Stack } from '@mantine/core';
import { useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router';
import { LiveFrames } from './LiveFrames';
import { ResultDetail } from './ResultDetail';
import { ResultsTable } from './ResultsTable';
import { RunLog } from './RunLog';
import { RunProgress } from './RunProgress';
import { queueOf, type Run } from './run-model';
import type { LiveRun } from './use-live-run';

/**
 * A test run: progress, one live browser per running test, results as they arrive, the chosen
 * result's evidence (`?result=<testId>`; a finished run opens its first failure) and the log.
 */
export function TestRunView({ run, live }: { run: Run; live: LiveRun }) {
  const [params, setParams] = useSearchParams();
  const detail = useRef<HTMLDivElement>(null);
  const names = useMemo(() => {
    const map = new Map(queueOf(run).map((test) => [test.id, test.name]));
    for (const result of run.results) map.set(result.testId, result.testName);
    return map;
  }, [run]);
  const runningIds = useMemo(() => new Set(live.running.map((test) => test.testId)), [live.running]);

  const chosen = params.get('result');
  const fallback =
    run.status === 'running' ? undefined : run.results.find((result) => result.status === 'failed')?.testId;
  const selectedId = chosen === null ? (fallback ?? null) : chosen || null;
  const selected = run.results.find((result) => result.testId === selectedId);

  const select = (testId: string | null) => {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.set('result', testId ?? '');
        return next;
      },
      { replace: true },
    );
    if (testId) requestAnimationFrame(() => detail.current?.scrollIntoView({ behavior: 'smooth', block: 'start' }));
  };

  return (
    <Stack gap="xl">
      <RunProgress run={run} />
      {run.status === 'running' && (
        <LiveFrames running={live.running} frames={live.frames} names={names} browser={run.browser} />
      )}
      <ResultsTable run={run} running={runningIds} selected={selected?.testId ?? null} onSelect={select} />
      <div ref={detail} style={{ scrollMarginTop: 72 }}>
        {selected && <ResultDetail result={selected} onClose={() => select(null)} />}
      </div>
      <RunLog logs={live.logs} live={run.status === 'running'} />
    </Stack>
  );
}
