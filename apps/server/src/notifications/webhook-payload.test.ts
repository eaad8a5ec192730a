import { describe, expect, it } from 'vitest';
import { buildRunDigest } from './run-digest.js';
import { webhookPayload } from './webhook-payload.js';

describe('webhookPayload', () => {
  it('has exactly the documented fields', () => {
    const names = Array.from({ length: 12 }, (_, index) => `Test ${index + 1}`);
    const digest = buildRunDigest({
      run: { id: 'RUN-7', projectId: 'PRJ-1', status: 'completed', passed: 3, failed: 12, total: 15, duration: 42_000 },
      projectName: 'Shop',
      failedTestNames: names,
      appUrl: 'https://qa.example.com',
      now: new Date('2025-03-04T05:06:07.000Z'),
    });
    expect(webhookPayload(digest)).toStrictEqual({
      event: 'run.failed',
      runId: 'RUN-7',
      projectId: 'PRJ-1',
      projectName: 'Shop',
      status: 'completed',
      passed: 3,
      failed: 12,
      total: 15,
      duration: 42_000,
      failingTests: names.slice(0, 10),
      detailUrl: 'https://qa.example.com/runs/RUN-7',
      timestamp: '2025-03-04T05:06:07.000Z',
    });
  });

  it('sends a null duration when the run has none', () => {
    const digest = buildRunDigest({
      run: { id: 'RUN-8', projectId: 'PRJ-1', status: 'failed', passed: 0, failed: 1, total: 1, duration: null },
      projectName: 'Shop',
      failedTestNames: ['a'],
      appUrl: 'https://qa.example.com',
      now: new Date(),
    });
    expect(JSON.parse(JSON.stringify(webhookPayload(digest))).duration).toBeNull();
  });
});
