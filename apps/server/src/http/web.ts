import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import { AppError } from '@sentri/core';
import type { FastifyInstance } from 'fastify';
import { sendError } from './error-handler.js';

/**
 * The dashboard: built files from apps/web/dist, and index.html for any other page path so the
 * client-side router can take over. API and health paths never reach this fallback.
 */
export async function serveWeb(app: FastifyInstance, { root }: { root: string }): Promise<void> {
  const index = path.join(root, 'index.html');
  const built = fs.existsSync(index);
  if (built) {
    await app.register(fastifyStatic, { root, wildcard: false, index: false, cacheControl: true, maxAge: '1h' });
  }
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    if (!built) return sendError(reply, new AppError('REQUEST_ROUTE_NOT_FOUND', 'Frontend build not found.'));
    const accepts = request.headers.accept ?? '';
    const looksLikeFile = path.extname(request.url.split('?')[0] ?? '') !== '';
    if (looksLikeFile && !accepts.includes('text/html'))
      return sendError(reply, new AppError('REQUEST_ROUTE_NOT_FOUND'));
    return reply.header('cache-control', 'no-cache').sendFile('index.html', root);
  });
}
