import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { publicRoute } from '../auth/access.js';
import { API_PREFIX } from './not-found.js';

/**
 * The OpenAPI 3.1 document is generated from the route schemas, so it cannot drift from what
 * the server validates. Paths are relative to the `/api/v1` server entry.
 */
export async function registerOpenApi(app: FastifyInstance, version: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Sentri API',
        version,
        description: 'Self-hosted autonomous QA platform: projects, tests, runs, live run events.',
        license: { name: 'MIT', identifier: 'MIT' },
      },
      servers: [{ url: API_PREFIX }],
    },
    transform: ({ schema, url }) => {
      const inApi = url.startsWith(`${API_PREFIX}/`);
      const hide = !inApi || url === `${API_PREFIX}/openapi.json`;
      return {
        schema: { ...schema, hide: hide || (schema as { hide?: boolean } | undefined)?.hide },
        url: inApi ? url.slice(API_PREFIX.length) : url,
      };
    },
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    uiConfig: { deepLinking: true },
    // The page's inline bootstrap is allowed by hash, everything else stays 'self'.
    staticCSP: true,
    transformSpecificationClone: true,
  });
  app.get(`${API_PREFIX}/openapi.json`, { schema: { hide: true }, config: publicRoute() }, async () => app.swagger());
}
