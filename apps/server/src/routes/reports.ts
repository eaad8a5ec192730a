import { AppError } from '@sentri/core';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { memberRoute } from '../auth/access.js';
import type { Container } from '../container.js';
import { ERROR_RESPONSES, workspaceOf } from '../http/route-helpers.js';
import { sendRunReport, type ReportFormat } from '../reports/run-reports.js';

const RunParams = Type.Object({ runId: Type.String() });

export const REPORT_FORMATS: { format: ReportFormat; file: string; contentType: string; summary: string }[] = [
  {
    format: 'junit',
    file: 'report.junit.xml',
    contentType: 'application/xml',
    summary: 'JUnit XML of a run (GitHub Actions, GitLab, Jenkins); retries and flaky tests kept visible',
  },
  {
    format: 'ctrf',
    file: 'report.ctrf.json',
    contentType: 'application/json',
    summary: 'Common Test Report Format (CTRF) JSON of a run',
  },
];

export const reportResponses = (contentType: string) => ({
  200: { description: 'The report', content: { [contentType]: { schema: Type.String() } } },
  ...ERROR_RESPONSES,
});

/** Reports of a run for a signed-in member. */
export async function reportRoutes(app: FastifyInstance, { container }: { container: Container }): Promise<void> {
  for (const { format, file, contentType, summary } of REPORT_FORMATS) {
    app.get(
      `/runs/:runId/${file}`,
      {
        config: memberRoute(),
        schema: { tags: ['runs'], summary, params: RunParams, response: reportResponses(contentType) },
      },
      async (request, reply) => {
        const { runId } = request.params as { runId: string };
        const run = await container.repositories.runs.findLive(workspaceOf(request).id, runId);
        if (!run || run.type !== 'test_run') throw new AppError('RUN_NOT_FOUND');
        return sendRunReport(container, run, format, request, reply);
      },
    );
  }
}
