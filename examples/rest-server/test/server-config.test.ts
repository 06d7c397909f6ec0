import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { expectThrowsEcloud } from '../../../test-support/ecloud-errors.js';
import { makeDrivers } from '../src/config/make-drivers.js';
import { resolveSecrets } from '../src/config/secret-refs.js';
import { DEFAULT_CONFIG, loadConfig } from '../src/config/server-config.js';

const dir = mkdtempSync(join(tmpdir(), 'ecloud-config-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('the server configuration', () => {
  afterEach(() => {
    delete process.env.ECLOUD_TEST_SECRET;
  });

  it('reads YAML and JSON alike, with defaults', () => {
    const yaml = loadConfig(file('a.yaml', 'drivers:\n  - kind: simulator\n    name: sim\n'));
    const json = loadConfig(file('a.json', '{"drivers":[{"kind":"simulator","name":"sim"}]}'));
    expect(yaml).toEqual(json);
    expect(yaml.server).toEqual({
      host: '127.0.0.1',
      port: 8080,
      bodyLimitBytes: 1024 * 1024,
      rateLimitPerMinute: 600,
      shutdownGraceMs: 20_000,
    });
    expect(yaml.demoInventory).toBe(false);
    expect(DEFAULT_CONFIG.demoInventory).toBe(true);
  });

  it('names the bad key of an invalid file', () => {
    const error = expectThrowsEcloud(
      () =>
        loadConfig(file('b.yaml', 'server:\n  port: 99999\ndrivers:\n  - kind: simulator\n    name: sim\n')),
      'INVALID_ARGUMENT',
    );
    expect(JSON.stringify(error.details)).toContain('server');
    expect(JSON.stringify(error.details)).toContain('port');
    const unknown = expectThrowsEcloud(
      () => loadConfig(file('c.yaml', 'drivers:\n  - kind: simulator\n    name: sim\nlisten: 1\n')),
      'INVALID_ARGUMENT',
    );
    expect(JSON.stringify(unknown.details)).toContain('listen');
    expectThrowsEcloud(() => loadConfig(file('d.yaml', 'drivers: [')), 'INVALID_ARGUMENT');
    expectThrowsEcloud(() => loadConfig(join(dir, 'missing.yaml')), 'INVALID_ARGUMENT');
  });

  it('reads identity keys as base64 secrets and names a key of the wrong size', () => {
    const key = Buffer.alloc(32, 7);
    process.env.ECLOUD_TEST_SECRET = key.toString('base64');
    const keys = file('kek.txt', `${Buffer.alloc(32, 9).toString('base64')}\n`);
    const config = loadConfig(
      file(
        'identity.yaml',
        [
          'drivers:\n  - kind: simulator\n    name: sim',
          'identity:',
          '  tokenKeys:\n    - id: k1\n      secret: { $env: ECLOUD_TEST_SECRET }',
          `  apiKeyEncryptionKey: { $file: ${keys} }`,
          '  cacheMs: 250',
        ].join('\n'),
      ),
    );
    expect(config.identity.tokenKeys?.[0]?.secret.equals(key)).toBe(true);
    expect(config.identity.apiKeyEncryptionKey?.equals(Buffer.alloc(32, 9))).toBe(true);
    expect(config.identity.cacheMs).toBe(250);
    process.env.ECLOUD_TEST_SECRET = Buffer.alloc(16).toString('base64');
    const short = expectThrowsEcloud(
      () =>
        loadConfig(
          file(
            'short.yaml',
            'drivers: [{ kind: simulator, name: sim }]\nidentity:\n  apiKeyEncryptionKey: { $env: ECLOUD_TEST_SECRET }\n',
          ),
        ),
      'INVALID_ARGUMENT',
    );
    expect(JSON.stringify(short.details)).toContain('apiKeyEncryptionKey');
    expect(JSON.stringify(short.details)).not.toContain(process.env.ECLOUD_TEST_SECRET);
  });

  it('resolves secrets from the environment and files, nested, and never echoes one in an error', () => {
    process.env.ECLOUD_TEST_SECRET = 's3cr3t';
    const path = file('secret.txt', 'from-a-file\n');
    process.env.ECLOUD_TEST_SECRET_FILE = path;
    expect(
      resolveSecrets({
        a: { $env: 'ECLOUD_TEST_SECRET' },
        b: [{ $file: path }],
        c: { $file: { $env: 'ECLOUD_TEST_SECRET_FILE' } },
      }),
    ).toEqual({ a: 's3cr3t', b: ['from-a-file'], c: 'from-a-file' });
    const missing = expectThrowsEcloud(
      () => resolveSecrets({ x: { y: { $env: 'ECLOUD_NOT_SET_ANYWHERE' } } }),
      'INVALID_ARGUMENT',
    );
    expect(missing.message).toContain('x.y');
    const unreadable = expectThrowsEcloud(
      () => resolveSecrets({ p: { $file: join(dir, 'nope') } }),
      'INVALID_ARGUMENT',
    );
    expect(unreadable.message).toContain('p');
    expect(resolveSecrets({ $env: 'A', other: 1 })).toEqual({ $env: 'A', other: 1 });
  });

  it("has a driver package check its own options, and names the driver's place in the file", async () => {
    const config = loadConfig(file('e.yaml', 'drivers:\n  - kind: vmware\n    options:\n      name: vc\n'));
    const error = await makeDrivers(config).then(
      () => undefined,
      (e: unknown) => e as { code: string; message: string },
    );
    expect(error?.code).toBe('INVALID_ARGUMENT');
    expect(error?.message).toContain('drivers.0.options');
  });
});
