import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { SessionService } from '../auth/session-service.js';
import { API_PREFIX, isApiPath, notFound } from './not-found.js';

/**
 * Pre-versioning clients call `/api/<path>`; they get a 308 to `/api/v1/<path>` with the query
 * string verbatim, which keeps the method and body. Registered in its own plugin so its
 * accept-anything body parser does not leak to real routes.
 */
export async function legacyRedirect(app: FastifyInstance, { sessions }: { sessions: SessionService }): Promise<void> {
  // JSON is still parsed (a malformed or oversized body is the client's first mistake); any
  // other body is drained unread, since the client replays it after the redirect.
  app.addContentTypeParser('*', (_request, payload, done) => {
    payload.resume();
    payload.on('end', () => done(null, undefined));
    payload.on('error', (error) => done(error, undefined));
  });

  const handler = (request: FastifyRequest, reply: FastifyReply) => {
    // Unknown /api/v1 paths land here too (the wildcard is broader than the API's routes).
    if (isApiPath(request.url)) return notFound(request, reply, sessions);
    const [pathname = '', ...query] = request.url.split('?');
    const rest = pathname.slice('/api'.length) || '/';
    const search = query.length > 0 ? `?${query.join('?')}` : '';
    return reply.redirect(`${API_PREFIX}${rest}${search}`, 308);
  };
  const schema = { hide: true } as const;
  app.all('/api', { schema }, handler);
  app.all('/api/*', { schema }, handler);
}
