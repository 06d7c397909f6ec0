import { mkdirSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { type CloseReport, type Cloud, createCloud, createSqliteStore } from '@ecloud/core';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { type Bootstrapped, bootstrapAdmins } from './bootstrap-admins.js';
import { makeDrivers } from './config/make-drivers.js';
import type { ServerConfig } from './config/server-config.js';
import { seedDemoInventory } from './demo-inventory.js';
import { buildServer } from './server.js';

/** A started server and how to stop it. */
export interface StartedServer {
  readonly app: FastifyInstance;
  readonly cloud: Cloud;
  /** The address it listens on (`http://host:port`). */
  readonly url: string;
  /** What the first start made (the three administrators), if this was the first start. */
  readonly bootstrapped: Bootstrapped | undefined;
  /**
   * Stops taking requests, lets the answers in flight finish, then closes the cloud within the
   * configured `server.shutdownGraceMs`: jobs still running then are checkpointed (logged, and
   * answered) for the next start to finish.
   */
  close(): Promise<CloseReport>;
}

/** Where the server runs from: relative store paths and the initial password. */
export interface StartEnvironment {
  readonly workDir: string;
  readonly bootstrapPassword?: string | undefined;
  readonly logger?: FastifyServerOptions['logger'];
}

/**
 * Starts the reference server from a configuration: the store, the drivers, the cloud (which
 * reconciles jobs a crash interrupted), the demo inventory if asked, the three administrators on a
 * store without users, then the HTTP server.
 */
export async function startServer(config: ServerConfig, env: StartEnvironment): Promise<StartedServer> {
  const path = isAbsolute(config.store.sqlite.path)
    ? config.store.sqlite.path
    : join(env.workDir, config.store.sqlite.path);
  mkdirSync(dirname(path), { recursive: true });
  const store = createSqliteStore({ filename: path });
  const drivers = await makeDrivers(config);
  const cloud = await createCloud({
    store,
    drivers,
    nodeId: 'rest-server',
    ...(config.scheduler.policy ? { scheduler: { policy: config.scheduler.policy } } : {}),
    identity: identityOptions(config.identity),
  });
  try {
    if (config.demoInventory && drivers[0]) await seedDemoInventory(cloud, drivers[0].name);
    const bootstrapped = await bootstrapAdmins(cloud, env.bootstrapPassword);
    const app = await buildServer({
      cloud,
      logger: env.logger ?? false,
      bodyLimit: config.server.bodyLimitBytes,
      rateLimitPerMinute: config.server.rateLimitPerMinute,
      ...(config.server.ipRateLimitPerMinute
        ? { ipRateLimitPerMinute: config.server.ipRateLimitPerMinute }
        : {}),
      ready: async () => {
        await store.get('datacenters', 'readyz');
      },
    });
    const url = await app.listen({ host: config.server.host, port: config.server.port });
    return {
      app,
      cloud,
      url,
      bootstrapped,
      close: async () => {
        await app.close();
        const report = await cloud.close({ graceMs: config.server.shutdownGraceMs });
        logShutdown(app, report);
        return report;
      },
    };
  } catch (error) {
    await cloud.close();
    throw error;
  }
}

/** What the shutdown did to jobs: those left for the next start are named, for an operator to follow. */
function logShutdown(app: FastifyInstance, report: CloseReport): void {
  if (report.checkpointed.length === 0) {
    app.log.info({ finished: report.finished }, 'shutdown: every job of this process has ended');
    return;
  }
  app.log.warn(
    { finished: report.finished, checkpointed: report.checkpointed },
    `shutdown: ${report.checkpointed.length} job(s) checkpointed; the next start finishes or undoes them`,
  );
}

/** The cloud's identity options from the configuration's, leaving out what it does not set. */
function identityOptions(identity: ServerConfig['identity']) {
  return {
    ...(identity.tokenKeys === undefined ? {} : { tokenKeys: identity.tokenKeys }),
    ...(identity.apiKeyEncryptionKey === undefined
      ? {}
      : { apiKeyEncryptionKey: identity.apiKeyEncryptionKey }),
    ...(identity.cacheMs === undefined ? {} : { cacheMs: identity.cacheMs }),
  };
}
