import fs from 'node:fs/promises';
import { AppError } from '@sentri/core';
import type { FastifyInstance } from 'fastify';

/**
 * The `sentri` CLI as one file, from the server it talks to: a CI job fetches it with curl and runs
 * it with Node, so nothing has to be published or installed, and its version always matches.
 */
export async function cliDownloadRoutes(app: FastifyInstance, { bundle }: { bundle: string }): Promise<void> {
  app.get('/cli/sentri.mjs', { schema: { hide: true } }, async (_request, reply) => {
    const source = await fs.readFile(bundle).catch(() => undefined);
    if (!source) throw new AppError('REQUEST_ROUTE_NOT_FOUND', 'The CLI is not built on this server (npm run build).');
    return reply
      .header('content-type', 'text/javascript; charset=utf-8')
      .header('content-disposition', 'attachment; filename="sentri.mjs"')
      .header('cache-control', 'no-cache')
      .send(source);
  });
}
