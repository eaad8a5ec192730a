import { AppError } from '@sentri/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { SessionService } from '../auth/session-service.js';
import { identify } from './access-hooks.js';
import { sendError } from './error-handler.js';

export const API_PREFIX = '/api/v1';

export function isApiPath(url: string): boolean {
  const pathname = url.split('?')[0] ?? '';
  return pathname === API_PREFIX || pathname.startsWith(`${API_PREFIX}/`);
}

/**
 * Unknown routes answer JSON. Under /api/v1 an anonymous caller gets 401, so probing for
 * routes reveals nothing; an authenticated caller gets 404.
 */
export async function notFound(
  request: FastifyRequest,
  reply: FastifyReply,
  sessions: SessionService,
): Promise<FastifyReply> {
  if (isApiPath(request.url) && !(await identify(request, sessions)))
    return sendError(reply, new AppError('AUTH_REQUIRED'));
  return sendError(reply, new AppError('REQUEST_ROUTE_NOT_FOUND'));
}

export function installNotFoundHandler(app: FastifyInstance, sessions: SessionService): void {
  app.setNotFoundHandler((request, reply) => notFound(request, reply, sessions));
}
