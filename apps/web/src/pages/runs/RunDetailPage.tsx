import { Stack } from '@mantine/core';
import { useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { ErrorState, Loading } from '../../components/PageState';
import { NotFoundPage } from '../NotFoundPage';
import { CrawlRunView } from './CrawlRunView';
import { GenerateRunView } from './GenerateRunView';
import { RunHeader } from './RunHeader';
import { RunLog } from './RunLog';
import { TestRunView } from './TestRunView';
import { useLiveRun } from './use-live-run';

/** `/runs/:runId`: any run, kept live by its events while it runs. */
export default function RunDetailPage() {
  const { runId = '' } = useParams();
  // A new run id is a new page: live state must not leak from the previous run.
  return <RunDetail key={runId} runId={runId} />;
}

function RunDetail({ runId }: { runId: string }) {
  const live = useLiveRun(runId);
  const { query } = live;

  if (query.isPending) return <Loading label="Loading the run…" />;
  if (query.error instanceof ApiError && query.error.status === 404) return <NotFoundPage what="run" />;
  if (!query.data) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;

  const run = query.data;
  return (
    <Stack gap="xl" maw={1400}>
      <RunHeader run={run} connected={live.connected} />
      {run.type === 'test_run' ? (
        <TestRunView run={run} live={live} />
      ) : run.type === 'crawl' ? (
        <CrawlRunView run={run} live={live} />
      ) : run.type === 'generate' ? (
        <GenerateRunView run={run} live={live} />
      ) : (
        <RunLog logs={live.logs} live={run.status === 'running'} />
      )}
    </Stack>
  );
}
