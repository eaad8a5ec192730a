import { systemClock, type Clock } from '@sentri/core';
import { databaseOptionsFrom, openDatabase, type DatabaseHandle } from '@sentri/db';
import { findBrowserExecutable, type BrowserLocation } from '@sentri/engine';
import { pino, type Logger } from 'pino';
import type { Config } from './config/index.js';
import { SessionTokens, resolveJwtSecret } from './auth/session-tokens.js';
import { createRateLimitStore, createRateLimiter, type RateLimiter } from './http/rate-limit/index.js';
import { DiskArtifactStore } from './infra/disk-artifact-store.js';
import { createMailer, type Mailer } from './infra/mailer.js';
import { SecretBox } from './infra/secret-box.js';
import { createRepositories, type Repositories } from './repositories.js';
import { createServices, type Services } from './services.js';
import { Lifecycle } from './lifecycle.js';
import { readVersion } from './version.js';

/**
 * Everything with state or a connection, built once per process and passed down. Nothing lives
 * in module-level variables, so tests build as many independent containers as they like.
 */
export interface Container {
  readonly config: Config;
  readonly logger: Logger;
  readonly clock: Clock;
  readonly version: string;
  readonly startedAt: Date;
  readonly database: DatabaseHandle;
  readonly repositories: Repositories;
  readonly services: Services;
  readonly rateLimiter: RateLimiter;
  readonly mailer: Mailer;
  /** Encrypts secrets at rest (credentials, AI keys). */
  readonly secretBox: SecretBox;
  readonly artifacts: DiskArtifactStore;
  readonly browser: BrowserLocation;
  /** How jobs and run events travel between processes. */
  readonly modes: { readonly queue: 'in-process' | 'redis'; readonly events: 'in-process' | 'redis' };
  readonly lifecycle: Lifecycle;
  close(): Promise<void>;
}

export interface ContainerOptions {
  logger?: Logger;
  clock?: Clock;
}

export async function createContainer(config: Config, options: ContainerOptions = {}): Promise<Container> {
  const logger = options.logger ?? pino({ level: config.log.level });
  const clock = options.clock ?? systemClock;
  const database = await openDatabase(
    databaseOptionsFrom({
      databaseUrl: config.storage.databaseUrl,
      sqlitePath: config.storage.sqlitePath,
      pgPoolSize: config.storage.pgPoolSize,
    }),
  );
  const artifacts = new DiskArtifactStore(config.storage.artifactsDir);
  const lifecycle = new Lifecycle();
  const jwtSecret = resolveJwtSecret(config.auth.jwtSecret, config.storage.dataDir);
  const repositories = createRepositories(database);
  const mailer = createMailer(config.mail, logger);
  const rateLimitStore = createRateLimitStore(config.redis.url, logger);
  const secretBox = new SecretBox(config.auth.credentialSecret ?? jwtSecret);
  const services = createServices({
    secretBox,
    config,
    repositories,
    sessionTokens: new SessionTokens(jwtSecret, config.auth.sessionTtlSeconds),
    mailer,
    clock,
    logger,
    artifacts,
    lifecycle,
  });
  await services.runEvents.connect();
  await services.runs.interruptOrphans();
  if (config.roles.includes('scheduler')) services.scheduler.start();
  return {
    config,
    logger,
    clock,
    version: readVersion(),
    startedAt: clock.now(),
    database,
    repositories,
    services,
    rateLimiter: createRateLimiter({ store: rateLimitStore, limits: config.rateLimits, logger }),
    mailer,
    secretBox,
    artifacts,
    // Only the in-process queue exists so far; a BullMQ one plugs in here.
    modes: { queue: 'in-process', events: services.runEvents.mode },
    browser: findBrowserExecutable(config.browser.defaultEngine, config.browser.chromiumExecutablePath),
    lifecycle,
    async close() {
      services.scheduler.stop();
      await services.imageComparer.close();
      mailer.close();
      await rateLimitStore.close();
      await services.runEvents.close();
      await database.close();
    },
  };
}
