import type { RunRow } from '@sentri/db';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Container } from '../container.js';
import { ctrfReport } from './ctrf-report.js';
import { junitReport } from './junit-report.js';
import type { ReportInput } from './report-input.js';

export type ReportFormat = 'junit' | 'ctrf';

/** The address the caller used to reach us, as a proxy in front of us reports it. */
export function publicBaseUrl(request: FastifyRequest): string {
  const first = (value: string | string[] | undefined) =>
    (Array.isArray(value) ? value[0] : value)?.split(',')[0]?.trim() || undefined;
  const proto = first(request.headers['x-forwarded-proto']) ?? request.protocol;
  const host = first(request.headers['x-forwarded-host']) ?? request.host;
  return `${proto}://${host}`;
}

async function reportInput(container: Container, run: RunRow, baseUrl: string): Promise<ReportInput> {
  const [view, project] = await Promise.all([
    container.services.runs.view(run),
    container.repositories.projects.findLiveById(run.projectId),
  ]);
  return { run: view, projectName: project?.name ?? run.projectId, toolVersion: container.version, baseUrl };
}

/** Sends a run's report in the format CI tools read; a run still going gives a report of what is done so far. */
export async function sendRunReport(
  container: Container,
  run: RunRow,
  format: ReportFormat,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const input = await reportInput(container, run, publicBaseUrl(request));
  const name = `sentri-${run.id}`;
  reply.header('cache-control', 'no-store');
  if (format === 'junit') {
    return reply
      .header('content-type', 'application/xml; charset=utf-8')
      .header('content-disposition', `attachment; filename="${name}.junit.xml"`)
      .send(junitReport(input));
  }
  return reply
    .header('content-type', 'application/json; charset=utf-8')
    .header('content-disposition', `attachment; filename="${name}.ctrf.json"`)
    .send(JSON.stringify(ctrfReport(input), null, 2));
}
