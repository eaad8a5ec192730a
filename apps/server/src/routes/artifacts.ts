import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '@sentri/core';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { memberRoute } from '../auth/access.js';
import type { Container } from '../container.js';
import { ERROR_RESPONSES, workspaceOf } from '../http/route-helpers.js';
import { InvalidArtifactKeyError } from '../infra/disk-artifact-store.js';

const CONTENT_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webm': 'video/webm',
  '.zip': 'application/zip',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Run evidence (screenshots, traces, videos), served only to members of the workspace that owns
 * the run. Keys are `runs/<runId>/<testId>/<file>`; the run is looked up in the caller's
 * workspace, so another workspace's artifact is a 404 like a missing one.
 */
export async function artifactRoutes(app: FastifyInstance, { container }: { container: Container }): Promise<void> {
  app.get(
    '/artifacts/runs/:runId/:testId/:file',
    {
      config: memberRoute(),
      schema: {
        tags: ['runs'],
        summary: 'A screenshot, trace or video of a run',
        params: Type.Object({ runId: Type.String(), testId: Type.String(), file: Type.String() }),
        response: {
          200: {
            description: 'The file: image/png, application/zip (Playwright trace), video/webm',
            content: { 'application/octet-stream': { schema: Type.String({ format: 'binary' }) } },
          },
          ...ERROR_RESPONSES,
        },
      },
    },
    async (request, reply) => {
      const { runId, testId, file: name } = request.params as { runId: string; testId: string; file: string };
      const run = await container.repositories.runs.findLive(workspaceOf(request).id, runId);
      if (!run) throw new AppError('ARTIFACT_NOT_FOUND');
      return sendArtifact(reply, container, `runs/${runId}/${testId}/${name}`);
    },
  );

  app.get(
    '/artifacts/baselines/:testId/:browser/:file',
    {
      config: memberRoute(),
      schema: {
        tags: ['visual baselines'],
        summary: 'A baseline screenshot',
        params: Type.Object({ testId: Type.String(), browser: Type.String(), file: Type.String() }),
        response: {
          200: { description: 'image/png', content: { 'image/png': { schema: Type.String({ format: 'binary' }) } } },
          ...ERROR_RESPONSES,
        },
      },
    },
    async (request, reply) => {
      const { testId, browser, file } = request.params as { testId: string; browser: string; file: string };
      const test = await container.repositories.tests.findLive(workspaceOf(request).id, testId);
      if (!test) throw new AppError('ARTIFACT_NOT_FOUND');
      return sendArtifact(reply, container, `baselines/${testId}/${browser}/${file}`);
    },
  );
}

/** Streams one stored file with its type; a bad or missing key is a plain 404. */
async function sendArtifact(reply: FastifyReply, container: Container, key: string) {
  let file: string;
  try {
    file = container.artifacts.pathOf(key);
  } catch (error) {
    if (error instanceof InvalidArtifactKeyError) throw new AppError('ARTIFACT_NOT_FOUND');
    throw error;
  }
  const stat = await fs.promises.stat(file).catch(() => undefined);
  if (!stat?.isFile()) throw new AppError('ARTIFACT_NOT_FOUND');
  reply
    .header('content-type', CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream')
    .header('content-length', stat.size)
    .header('cache-control', 'private, max-age=3600')
    .header('x-content-type-options', 'nosniff');
  return reply.send(fs.createReadStream(file));
}
