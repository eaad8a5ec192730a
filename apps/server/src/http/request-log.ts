import type { FastifyInstance } from 'fastify';

/** Query parameters that carry credentials (EventSource sends the session as `?token=`). */
const SECRET_PARAMS = /([?&](?:token|access_token|code|password)=)[^&]*/gi;

export function redactUrl(url: string): string {
  return url.replace(SECRET_PARAMS, '$1[redacted]');
}

/**
 * One line per request, written when it completes, with credentials stripped from the URL.
 * Replaces Fastify's own request logging, which would write `?token=<jwt>` verbatim.
 */
export function installRequestLog(app: FastifyInstance): void {
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      {
        req: { method: request.method, url: redactUrl(request.url), remoteAddress: request.ip },
        res: { statusCode: reply.statusCode },
        responseTime: Math.round(reply.elapsedTime * 10) / 10,
      },
      'request completed',
    );
  });
}
