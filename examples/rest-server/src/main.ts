/**
 * `npm start`: the reference server. Without `ECLOUD_CONFIG` it runs the embedded default — SQLite under
 * `./.ecloud/`, the simulator with a demo inventory; with it, the YAML or JSON file it names (drivers,
 * endpoints, store, scheduler; see `examples/rest-server/config.example.yaml`). `HOST` and `PORT` override
 * the listening address. The first start creates the three administrators; their initial password is
 * `ECLOUD_BOOTSTRAP_PASSWORD`, or a generated one printed once.
 */
import { DEFAULT_CONFIG, loadConfig, type ServerConfig } from './config/server-config.js';
import { startServer } from './start-server.js';

function configuration(): ServerConfig {
  const config = process.env.ECLOUD_CONFIG ? loadConfig(process.env.ECLOUD_CONFIG) : DEFAULT_CONFIG;
  return {
    ...config,
    server: {
      ...config.server,
      ...(process.env.HOST ? { host: process.env.HOST } : {}),
      ...(process.env.PORT ? { port: Number(process.env.PORT) } : {}),
    },
  };
}

async function main(): Promise<void> {
  const config = configuration();
  const started = await startServer(config, {
    // npm runs a workspace's script in the workspace's folder; the store belongs where `npm start` was typed.
    workDir: process.env.INIT_CWD ?? process.cwd(),
    bootstrapPassword: process.env.ECLOUD_BOOTSTRAP_PASSWORD || undefined,
    logger: { level: process.env.LOG_LEVEL ?? 'info' },
  });
  const made = started.bootstrapped;
  if (made?.generatedPassword) {
    console.log(
      `created ${made.usernames.join(', ')}; their initial password (shown once): ${made.generatedPassword}`,
    );
  } else if (made) {
    console.log(`created ${made.usernames.join(', ')} with the password of ECLOUD_BOOTSTRAP_PASSWORD`);
  }
  console.log(`ECloud API on ${started.url} (OpenAPI: /v1/openapi.json, docs: /docs)`);
  const stop = async (signal: string) => {
    started.app.log.info(
      { signal, shutdownGraceMs: config.server.shutdownGraceMs },
      'shutting down: no new requests; running jobs may end within the grace, the rest are checkpointed',
    );
    try {
      await started.close();
      process.exit(0);
    } catch (error) {
      // The store may not have been closed cleanly: the next start reconciles, as after a crash.
      started.app.log.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
