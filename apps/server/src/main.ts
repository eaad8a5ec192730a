#!/usr/bin/env node
import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './config/index.js';
import { createContainer } from './container.js';

/**
 * Process entry: configuration, container, HTTP listener, and a graceful shutdown that stops
 * accepting, drains in-flight work within SHUTDOWN_DRAIN_MS, then closes the database.
 */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }

  const container = await createContainer(config);
  const app = await buildApp(container);
  const { logger } = container;

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    const started = Date.now();
    logger.info({ signal, drainMs: config.server.shutdownDrainMs }, 'shutting down');
    // No new scheduled runs while the running ones drain.
    container.services.scheduler.stop();
    const drained = container.lifecycle.drain(config.server.shutdownDrainMs);
    const closed = app.close();
    // Long requests (event streams) must not hold shutdown past the drain deadline.
    const deadline = setTimeout(() => app.server.closeAllConnections(), config.server.shutdownDrainMs);
    const { interrupted } = await drained;
    await closed;
    clearTimeout(deadline);
    await container.close();
    logger.info({ interrupted, ms: Date.now() - started }, 'stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  if (config.redis.url) {
    logger.warn('REDIS_URL is set, but this version still runs its queue and events in-process');
  }
  const address = await app.listen({ host: config.server.host, port: config.server.port });
  logger.info(
    {
      address,
      dialect: container.database.dialect,
      dataDir: config.storage.dataDir,
      browser: container.browser.executablePath,
    },
    'Sentri is ready',
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Sentri failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
