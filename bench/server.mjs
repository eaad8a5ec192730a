#!/usr/bin/env node
/**
 * Benchmark target: the real Sentri app (built `apps/server/dist`) on a throw-away data dir,
 * seeded with one workspace of 1000 projects, plus one bench-only list route.
 *
 * Protocol with bench/api.mjs: once listening, prints ONE JSON line on stdout
 * (`{"port":…,"dialect":…,"projects":…}`); logs go to stderr so stdout stays parseable.
 * On SIGTERM/SIGINT it closes the app and the container, removes what it created, exits 0.
 *
 * With DATABASE_URL set the container uses PostgreSQL; the seeded user is deleted on exit
 * (workspace and projects go with it by ON DELETE CASCADE) so repeated runs do not pile up.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { Type } from 'typebox';
import { buildApp, createContainer } from '../apps/server/dist/app.js';
import { loadConfig } from '../apps/server/dist/config/index.js';
import { CountersRepository, ProjectsRepository } from '@sentri/db';

const PROJECT_COUNT = Number(process.env.BENCH_PROJECTS ?? 1000);
const MEMBER_COUNT = 50;
const BATCH = 100; // 100 rows × 9 columns stays far below SQLite's and pg's bind-parameter limits

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sentri-bench-'));
// The general rate limit (300 per 15 min per address) would turn a benchmark into a 429 test.
const config = loadConfig({
  ...process.env,
  DATA_DIR: dataDir,
  LOG_LEVEL: 'warn',
  RATE_LIMIT_GENERAL: '1000000000/1m',
});
// pino defaults to stdout, which is our protocol channel.
const logger = pino({ level: config.log.level }, pino.destination(2));
const container = await createContainer(config, { logger });
const { db } = container.database;

/**
 * One user, one workspace, PROJECT_COUNT projects, all in one transaction. Ids come from the
 * real counters (PRJ-n); createdAt values are 1 ms apart so "newest first" is a total order.
 * @returns {Promise<{ userId: string, workspaceId: string }>}
 */
async function seed() {
  const suffix = randomUUID().slice(0, 8); // unique per run: a shared PostgreSQL may hold old rows
  const userId = `bench-user-${suffix}`;
  const workspaceId = `bench-ws-${suffix}`;
  const base = Date.parse('2025-01-01T00:00:00.000Z');
  const at = (ms) => new Date(base + ms).toISOString();
  await db.transaction().execute(async (trx) => {
    const counters = new CountersRepository(trx);
    await trx
      .insertInto('users')
      .values({
        id: userId,
        name: 'Bench',
        email: `${userId}@bench.invalid`,
        passwordHash: null,
        avatar: null,
        createdAt: at(0),
        updatedAt: at(0),
      })
      .execute();
    await trx
      .insertInto('workspaces')
      .values({
        id: workspaceId,
        name: 'Bench',
        slug: workspaceId,
        ownerId: userId,
        createdAt: at(0),
        updatedAt: at(0),
      })
      .execute();
    for (let start = 0; start < PROJECT_COUNT; start += BATCH) {
      const rows = [];
      for (let i = start; i < Math.min(start + BATCH, PROJECT_COUNT); i++) {
        const createdAt = at(i + 1);
        rows.push({
          id: await counters.nextId('project'),
          workspaceId,
          name: `Project ${i + 1}`,
          url: `https://app-${i + 1}.example.test/`,
          credentials: null,
          createdAt,
          updatedAt: createdAt,
          deletedAt: null,
        });
      }
      await trx.insertInto('projects').values(rows).execute();
    }
    // The owner's membership plus MEMBER_COUNT - 1 colleagues, for the authenticated members list.
    await trx
      .insertInto('workspace_members')
      .values({ id: await counters.nextId('workspace_member'), workspaceId, userId, role: 'admin', joinedAt: at(0) })
      .execute();
    for (let i = 1; i < MEMBER_COUNT; i++) {
      const memberId = `${userId}-m${i}`;
      await trx
        .insertInto('users')
        .values({
          id: memberId,
          name: `Member ${i}`,
          email: `${memberId}@bench.invalid`,
          passwordHash: null,
          avatar: null,
          createdAt: at(i),
          updatedAt: at(i),
        })
        .execute();
      await trx
        .insertInto('workspace_members')
        .values({
          id: await counters.nextId('workspace_member'),
          workspaceId,
          userId: memberId,
          role: 'viewer',
          joinedAt: at(i),
        })
        .execute();
    }
  });
  return { userId, workspaceId };
}

const seeded = await seed();
// A real session for the owner, exactly what a browser or the CLI would present.
const { token } = await container.services.sessions.issue(
  { id: seeded.userId, email: 'bench@bench.invalid', name: 'Bench' },
  seeded.workspaceId,
);
const projects = new ProjectsRepository(db);

// The shape a product list endpoint will have; declared as a schema so Fastify serialises it
// with fast-json-stringify exactly as product routes do (and credentials can never leak).
const ProjectSchema = Type.Object({
  id: Type.String(),
  workspaceId: Type.String(),
  name: Type.String(),
  url: Type.String(),
  status: Type.String(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
const ListSchema = Type.Object({
  data: Type.Array(ProjectSchema),
  meta: Type.Object({ total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer(), hasMore: Type.Boolean() }),
});
const QuerySchema = Type.Object({
  page: Type.Optional(Type.Integer({ minimum: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
});

const app = await buildApp(container);
app.get('/bench/projects', { schema: { querystring: QuerySchema, response: { 200: ListSchema } } }, async (request) => {
  // The TypeBox validator converts query strings to numbers but does not apply defaults.
  const { page = 1, pageSize = 50 } = /** @type {{ page?: number, pageSize?: number }} */ (request.query);
  const { rows, total } = await projects.listLive(seeded.workspaceId, pageSize, (page - 1) * pageSize);
  return { data: rows, meta: { total, page, pageSize, hasMore: page * pageSize < total } };
});

await app.listen({ host: '127.0.0.1', port: 0 });
const { port } = /** @type {import('node:net').AddressInfo} */ (app.server.address());
process.stdout.write(
  `${JSON.stringify({ port, dialect: container.database.dialect, projects: PROJECT_COUNT, members: MEMBER_COUNT, token, pid: process.pid })}\n`,
);

let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  let code = 0;
  try {
    await app.close();
    if (container.database.dialect === 'postgres') {
      await db.deleteFrom('users').where('id', '=', seeded.userId).execute();
    }
    await container.close();
  } catch (error) {
    logger.error({ err: error }, 'bench server: shutdown failed');
    code = 1;
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  process.exit(code);
}
process.on('SIGTERM', () => void shutdown());
process.on('SIGINT', () => void shutdown());
