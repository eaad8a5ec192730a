import { ErrorBodySchema, SystemInfoSchema } from '@sentri/core';
import type { FastifyInstance } from 'fastify';
import type { Container } from '../container.js';
import { memberRoute } from '../auth/access.js';
import { uptimeSeconds } from './health.js';

/** What this instance is and what it can reach: shown on the dashboard's system page. */
export async function systemRoutes(app: FastifyInstance, { container }: { container: Container }): Promise<void> {
  app.get(
    '/system',
    {
      config: memberRoute(),
      schema: {
        summary: 'Describe this Sentri instance',
        tags: ['system'],
        response: { 200: SystemInfoSchema, '4xx': ErrorBodySchema, '5xx': ErrorBodySchema },
      },
    },
    async () => {
      return {
        version: container.version,
        uptime: uptimeSeconds(container),
        nodeVersion: process.version,
        platform: `${process.platform}-${process.arch}`,
        database: { dialect: container.database.dialect },
        browser: container.browser,
        queue: { mode: container.modes.queue },
        events: { mode: container.modes.events },
        roles: [...container.config.roles],
      } as const;
    },
  );
}
