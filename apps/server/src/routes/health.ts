import { getHeapStatistics } from 'node:v8';
import { ErrorBodySchema, HealthSchema, ReadinessSchema, type Readiness } from '@sentri/core';
import type { FastifyInstance } from 'fastify';
import type { Container } from '../container.js';

const MEMORY_LIMIT_PCT = 90;

/** Liveness (the process answers) and readiness (it can do its job: database, artifacts, memory). */
export async function healthRoutes(app: FastifyInstance, { container }: { container: Container }): Promise<void> {
  app.get('/health', { schema: { response: { 200: HealthSchema } } }, async () => ({
    ok: true,
    uptime: uptimeSeconds(container),
    version: container.version,
  }));

  app.get(
    '/health/ready',
    { schema: { response: { 200: ReadinessSchema, 503: ReadinessSchema, '5xx': ErrorBodySchema } } },
    async (_request, reply) => {
      const readiness = await checkReadiness(container);
      return reply.code(readiness.ok ? 200 : 503).send(readiness);
    },
  );
}

export function uptimeSeconds(container: Container): number {
  return Math.floor((container.clock.now().getTime() - container.startedAt.getTime()) / 1000);
}

async function checkReadiness(container: Container): Promise<Readiness> {
  const [database, artifacts] = await Promise.all([
    probe(() => container.database.ping()),
    probe(() => container.artifacts.checkWritable()),
  ]);
  const { heapUsed } = process.memoryUsage();
  const limit = getHeapStatistics().heap_size_limit;
  const pct = Math.round((heapUsed / limit) * 1000) / 10;
  const memory = { ok: pct < MEMORY_LIMIT_PCT, heapMb: toMb(heapUsed), limitMb: toMb(limit), pct };
  return { ok: database.ok && artifacts.ok && memory.ok, checks: { database, memory, artifacts } };
}

async function probe(check: () => Promise<void>): Promise<{ ok: boolean; error?: string }> {
  try {
    await check();
    return { ok: true };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

const toMb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
