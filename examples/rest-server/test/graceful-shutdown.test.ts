// The server's shutdown: HTTP stops, then the cloud closes within `server.shutdownGraceMs`; a job still
// in a driver call is checkpointed, and the next start on the same store finishes it (here: undoes the
// create), leaving nothing half-made.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseInput } from '@ecloud/core';
import { afterEach, describe, expect, it } from 'vitest';
import { ServerConfig } from '../src/config/server-config.js';
import { type StartedServer, startServer } from '../src/start-server.js';

const PASSWORD = 'Shutdown-passw0rd!';

/**
 * Every simulator call takes this long (and honours its signal), so the create below is surely still
 * in its driver call when the server stops. Host HA's first round comes 5 s after the start, well after
 * the shutdown, so no round holds the close up.
 */
const DRIVER_LATENCY_MS = 1500;

describe('the server shutting down with a job in flight', () => {
  const started: StartedServer[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((server) => server.close()));
  });

  it('checkpoints the job within the grace, and the next start undoes it', { timeout: 60_000 }, async () => {
    const workDir = mkdtempSync(join(tmpdir(), 'ecloud-shutdown-'));
    const config = parseInput(
      ServerConfig,
      {
        server: { port: 0, shutdownGraceMs: 200 },
        drivers: [{ kind: 'simulator', name: 'sim', hosts: 2, latencyMs: DRIVER_LATENCY_MS }],
        demoInventory: true,
      },
      'test configuration',
    );
    const first = await startServer(config, { workDir, bootstrapPassword: PASSWORD });
    // Each process signs tokens with a key of its own (none is configured), so each start logs in anew.
    const login = async (server: StartedServer) => {
      const answer = await server.app.inject({
        method: 'POST',
        url: '/v1/auth/tokens',
        payload: { username: 'sysadmin', password: PASSWORD },
      });
      return { authorization: `Bearer ${answer.json().token as string}` };
    };
    let headers = await login(first);
    const list = async (server: StartedServer, path: string) =>
      (await server.app.inject({ method: 'GET', url: path, headers })).json().items as {
        id: string;
        name: string;
      }[];
    const [tenant] = await list(first, '/v1/tenants');
    const small = (await list(first, '/v1/offerings')).find((o) => o.name === 'small');
    const [image] = await list(first, '/v1/images');
    const accepted = await first.app.inject({
      method: 'POST',
      url: '/v1/instances',
      headers,
      payload: { name: 'in-flight', tenantId: tenant?.id, offeringId: small?.id, imageId: image?.id },
    });
    expect(accepted.statusCode).toBe(202);
    const jobId = accepted.json().id as string;

    const begun = performance.now();
    const report = await first.close();
    expect(performance.now() - begun).toBeLessThan(DRIVER_LATENCY_MS);
    expect(report.checkpointed).toEqual([
      expect.objectContaining({ jobId, operation: 'instance.create', state: 'running', stepsDone: 0 }),
    ]);
    // HTTP is closed: nothing more is taken.
    expect(first.app.server.listening).toBe(false);

    const next = await startServer(config, { workDir });
    started.push(next);
    expect(next.cloud.startup).toMatchObject({ rolledBack: 1, errors: [] });
    headers = await login(next);
    const job = await next.app.inject({ method: 'GET', url: `/v1/jobs/${jobId}`, headers });
    expect(job.json()).toMatchObject({ state: 'failed', error: { code: 'INTERRUPTED' } });
    expect(await list(next, '/v1/instances')).toEqual([]);
    expect(await list(next, '/v1/volumes')).toEqual([]);
    const hosts = (await list(next, '/v1/hosts')) as unknown as { allocated: Record<string, number> }[];
    expect(hosts.every((host) => host.allocated.vcpus === 0 && host.allocated.storageGiB === 0)).toBe(true);
  });
});
