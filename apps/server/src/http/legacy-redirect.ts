import type { FastifyInstance } from 'fastify';
import { API_PREFIX, isApiPath, notFound } from './not-found.js';

/**
 * Pre-versioning clients call `/api/<path>`; they get a 308 to `/api/v1/<path>` with the query
 * string verbatim, which keeps the method and body. Registered in its own plugin so its
 * accept-anything body parser does not leak to real routes.
 */
export async function legacyRedirect(app: FastifyInstance): Promise<void> {
  // JSON is still parsed (a malformed or oversized body is the client's first mistake); any
  // other body is drained unread, since the client replays it after the redirect.
  app.addContentTypeParser('*', (_request, payload, done) => {
    payload.resume();
    payload.on('end', () => done(null, undefined));
    payload.on('error', (error) => done(error, undefined));
  });

  const handler = (request: Parameters<typeof notFound>[0], reply: Parameters<typeof notFound>[1]) => {
    if (isApiPath(request.url)) return notFound(request, reply);
    const [pathname = '', ...query] = request.url.split('?');
    const rest = pathname.slice('/api'.length) || '/';
    const search = query.length > 0 ? `?${query.join('?')}` : '';
    return reply.redirect(`${API_PREFIX}${rest}${search}`, 308);
  };
  const schema = { hide: true } as const;
  app.all('/api', { schema }, handler);
  app.all('/api/*', { schema }, handler);
}
