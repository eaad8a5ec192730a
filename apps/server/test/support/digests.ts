import { buildRunDigest, type RunDigest } from '../../src/notifications/run-digest.js';

/** A failed run's digest for the channel tests: RUN-7 of PRJ-1, three passed plus the failures named. */
export function sampleDigest(
  failedTestNames: string[],
  {
    projectName = 'Shop',
    failed = failedTestNames.length,
    duration = 185_000,
    appUrl = 'https://qa.example.com',
  }: { projectName?: string; failed?: number; duration?: number; appUrl?: string } = {},
): RunDigest {
  return buildRunDigest({
    run: { id: 'RUN-7', projectId: 'PRJ-1', status: 'completed', passed: 3, failed, total: 3 + failed, duration },
    projectName,
    failedTestNames,
    appUrl,
    now: new Date('2025-03-04T05:06:07Z'),
  });
}
