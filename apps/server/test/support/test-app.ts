import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { Clock } from '@sentri/core';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import { createContainer, type Container } from '../../src/container.js';
import { scratchDatabase, type ScratchDatabase, type TestDialect } from '../../../../test-support/databases.js';

export interface TestApp {
  app: FastifyInstance;
  container: Container;
  dataDir: string;
  /** Every log line the server wrote, parsed. */
  logs: Record<string, unknown>[];
  close(): Promise<void>;
}

export interface TestAppOptions {
  dialect?: TestDialect;
  env?: Record<string, string>;
  /** Reuse a data directory (restart tests); the caller then removes it. */
  dataDir?: string;
  /** Runs before the app is ready, e.g. to add a route that exercises the error model. */
  extend?: (app: FastifyInstance) => void | Promise<void>;
  /** What the app takes for "now" (schedules, expiries); the system clock when absent. */
  clock?: Clock;
}

/** The real app on a real database (a fresh SQLite file, or a fresh PostgreSQL database). */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'sentri-app-'));
  const scratch: ScratchDatabase | undefined =
    options.dialect === 'postgres' ? await scratchDatabase('postgres') : undefined;
  const config = loadConfig({
    DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
    SKIP_EMAIL_VERIFICATION: 'true',
    ...(scratch?.url ? { DATABASE_URL: scratch.url } : {}),
    ...options.env,
  });
  const logs: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean))
        logs.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const container = await createContainer(config, {
    logger: pino({ level: config.log.level }, sink),
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const app = await buildApp(container);
  await options.extend?.(app);
  await app.ready();
  return {
    app,
    container,
    dataDir,
    logs,
    async close() {
      await app.close();
      await container.close();
      await scratch?.drop();
      if (!options.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
