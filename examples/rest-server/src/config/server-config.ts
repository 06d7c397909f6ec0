import { readFileSync } from 'node:fs';
import { EcloudError, parseInput, SchedulerPolicy } from '@ecloud/core';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { resolveSecrets } from './secret-refs.js';

const SimulatorDriver = z.strictObject({
  kind: z.literal('simulator'),
  name: z.string().min(1).max(63),
  hypervisor: z.enum(['kvm', 'vmware', 'xen']).default('kvm'),
  hosts: z.number().int().min(1).max(10_000).default(8),
  latencyMs: z.number().int().min(0).max(60_000).default(5),
});

/** A driver of a package of ours: its options are that package's own, checked by it. */
const PackageDriver = z.strictObject({
  kind: z.enum(['kvm', 'vmware']),
  options: z.record(z.string(), z.unknown()),
});

/** A secret of `bytes` bytes or more, given base64-encoded (from `$env` or `$file`, never inline in logs). */
const base64Key = (bytes: number, exact: boolean) =>
  z
    .string()
    .regex(/^[A-Za-z0-9+/_-]+={0,2}\s*$/, { message: 'must be base64' })
    .transform((text) => Buffer.from(text.trim(), 'base64'))
    .refine((key) => (exact ? key.length === bytes : key.length >= bytes), {
      message: exact ? `must decode to ${bytes} bytes` : `must decode to at least ${bytes} bytes`,
    });

/**
 * Identity keys. Without `tokenKeys` each start makes a random key, so tokens die with the process and
 * no second server accepts them; give every server the same keys. Without `apiKeyEncryptionKey` no API
 * key can be made (HMAC-signed requests need one).
 */
const Identity = z.strictObject({
  tokenKeys: z
    .array(z.strictObject({ id: z.string().min(1).max(64), secret: base64Key(32, false) }))
    .min(1)
    .optional(),
  apiKeyEncryptionKey: base64Key(32, true).optional(),
  /** How long a principal's state and grants may be reused against changes by another server (ms). */
  cacheMs: z.number().int().min(0).max(60_000).optional(),
});

/**
 * The reference server's configuration (`ECLOUD_CONFIG`, YAML or JSON): where it listens, the store,
 * the drivers and their endpoints, the scheduler's policy, and whether to seed a demo inventory.
 * Secrets are references (`{ $env: NAME }`, `{ $file: path }`), resolved at load.
 */
export const ServerConfig = z.strictObject({
  server: z
    .strictObject({
      host: z.string().min(1).default('127.0.0.1'),
      port: z.number().int().min(0).max(65_535).default(8080),
      bodyLimitBytes: z
        .number()
        .int()
        .min(1024)
        .max(64 * 1024 * 1024)
        .default(1024 * 1024),
      rateLimitPerMinute: z.number().int().min(1).max(1_000_000).default(600),
      /**
       * Requests per client address per minute, counted before authentication (bad tokens and
       * signatures count too). Default: ten times `rateLimitPerMinute`, room for ten callers behind one
       * address (a portal, a NAT). Left out of the parsed value when not given, so that it follows
       * `rateLimitPerMinute`.
       */
      ipRateLimitPerMinute: z.number().int().min(1).max(10_000_000).optional(),
      /**
       * On SIGTERM, once HTTP has stopped and the answers in flight are sent: how long running jobs may
       * take to end before the rest are checkpointed for the next start (`cloud.close({ graceMs })`).
       * Keep it below the process manager's own stop timeout (systemd's 90 s, Kubernetes' 30 s).
       */
      shutdownGraceMs: z.number().int().min(0).max(3_600_000).default(20_000),
    })
    .default({
      host: '127.0.0.1',
      port: 8080,
      bodyLimitBytes: 1024 * 1024,
      rateLimitPerMinute: 600,
      shutdownGraceMs: 20_000,
    }),
  store: z
    .strictObject({ sqlite: z.strictObject({ path: z.string().min(1) }) })
    .default({ sqlite: { path: '.ecloud/rest-server.db' } }),
  drivers: z.array(z.discriminatedUnion('kind', [SimulatorDriver, PackageDriver])).min(1),
  scheduler: z.strictObject({ policy: SchedulerPolicy.optional() }).default({}),
  identity: Identity.default({}),
  /** Seed the demo inventory on an empty store (on the first driver). */
  demoInventory: z.boolean().default(false),
});
/** The server's configuration as read (the type of {@link ServerConfig}). */
export type ServerConfig = z.output<typeof ServerConfig>;

/** The configuration of `npm start` without a file: the embedded default. */
export const DEFAULT_CONFIG: ServerConfig = parseInput(
  ServerConfig,
  { drivers: [{ kind: 'simulator', name: 'sim' }], demoInventory: true },
  'default configuration',
);

/**
 * Reads a configuration file (YAML, or JSON — YAML's subset), resolves its secret references and
 * validates it; a bad key is `INVALID_ARGUMENT` naming its path.
 */
export function loadConfig(file: string): ServerConfig {
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new EcloudError(
      'INVALID_ARGUMENT',
      `Configuration ${file} cannot be read: ${(error as Error).message}`,
      {
        details: { file },
      },
    );
  }
  return parseInput(ServerConfig, resolveSecrets(raw), `configuration ${file}`);
}
