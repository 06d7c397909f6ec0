import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LibvirtClient } from '@ecloud/driver-kvm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireEnv } from '../../../../test-support/service-env.js';
import { loadConfig } from '../../src/config/server-config.js';
import { type StartedServer, startServer } from '../../src/start-server.js';

// The documented example configuration, unchanged but for the port, runs the server against the real
// libvirtd and vCenter simulator that scripts/services.sh starts; everything below goes through HTTP.
const EXAMPLE = join(import.meta.dirname, '..', '..', 'config.example.yaml');
const PASSWORD = 'Real-services-passw0rd';
const POOL = 'default-pool';

/** The fields these tests read of the API's JSON answers. */
interface Answer {
  readonly id: string;
  readonly state: string;
  readonly resourceId: string;
  readonly items: readonly {
    readonly id: string;
    readonly state: string;
    readonly driver: string;
    readonly name: string;
  }[];
}

describe('the reference server on the real services, from the example configuration', () => {
  let server: StartedServer;
  let token = '';
  let imageId = '';
  const made: string[] = [];
  const volumeFiles: string[] = [];
  const socket = requireEnv('ECLOUD_LIBVIRT_SOCKET');
  requireEnv('ECLOUD_VCSIM_URL');

  const login = async (username: string) => {
    const answer = await fetch(`${server.url}/v1/auth/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: PASSWORD }),
    });
    return ((await answer.json()) as { token: string }).token;
  };
  const call = async (method: string, path: string, body?: unknown, as = token) => {
    const answer = await fetch(`${server.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${as}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return {
      status: answer.status,
      headers: answer.headers,
      body: (answer.status === 204 ? {} : await answer.json()) as Answer,
    };
  };

  beforeAll(async () => {
    const config = loadConfig(EXAMPLE);
    server = await startServer(
      { ...config, server: { ...config.server, port: 0 } },
      { workDir: mkdtempSync(join(tmpdir(), 'ecloud-real-')), bootstrapPassword: PASSWORD },
    );
    token = await login('sysadmin');
  }, 60_000);

  afterAll(async () => {
    await server?.close();
    if (!imageId) return;
    const admin = await LibvirtClient.connect({
      transport: { kind: 'unix', path: socket },
      uri: 'test:///default',
    });
    const pool = await admin.lookupPool(POOL);
    const volume = await admin.lookupVolume(pool, imageId).catch(() => undefined);
    if (volume) await admin.deleteVolume(volume);
    await admin.close();
  });

  it('registers clusters of both drivers and discovers their real hosts through the API', async () => {
    const dc = await call('POST', '/v1/datacenters', { name: 'dc-real' });
    expect(dc.status).toBe(201);
    for (const [hypervisor, driver, expected] of [
      ['kvm', 'kvm-test', 1],
      ['vmware', 'vcenter', 3],
    ] as const) {
      const cluster = await call('POST', '/v1/clusters', {
        name: `c-${hypervisor}`,
        datacenterId: dc.body.id,
        hypervisor,
      });
      expect(cluster.status).toBe(201);
      const found = await call('POST', '/v1/hosts/discover', { clusterId: cluster.body.id, driver });
      expect(found.status).toBe(200);
      expect(found.body.items).toHaveLength(expected);
      expect(found.body.items.every((h: { state: string }) => h.state === 'up')).toBe(true);
    }
    const vcenterHosts = (await call('GET', '/v1/hosts?limit=100')).body.items.filter(
      (h: { driver: string }) => h.driver === 'vcenter',
    );
    expect(vcenterHosts.map((h: { name: string }) => h.name).sort()).toEqual([
      'DC0_C0_H0',
      'DC0_C0_H1',
      'DC0_C0_H2',
    ]);
  });

  it('creates an instance on libvirtd through HTTP, as virsh sees it', async () => {
    // Tenants are the security administrator's to make (three-admin model).
    const tenant = await call('POST', '/v1/tenants', { name: 'real' }, await login('secadmin'));
    expect(tenant.status, JSON.stringify(tenant.body)).toBe(201);
    const image = await call('POST', '/v1/images', {
      name: 'tiny',
      os: 'linux',
      sizeGiB: 1,
      hypervisors: ['kvm'],
    });
    imageId = image.body.id;
    const admin = await LibvirtClient.connect({
      transport: { kind: 'unix', path: socket },
      uri: 'test:///default',
    });
    await admin.createVolume(
      await admin.lookupPool(POOL),
      `<volume><name>${imageId}</name><capacity unit='bytes'>1073741824</capacity></volume>`,
    );
    await admin.close();
    const offering = await call('POST', '/v1/offerings', {
      name: 'tiny',
      vcpus: 1,
      memoryMiB: 256,
      rootDiskGiB: 1,
    });
    const created = await call('POST', '/v1/instances', {
      name: 'real-1',
      tenantId: tenant.body.id,
      offeringId: offering.body.id,
      imageId,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(202);
    const location = String(created.headers.get('location'));
    let job = created.body;
    for (let i = 0; i < 300 && !['succeeded', 'failed', 'cancelled'].includes(job.state); i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      job = (await call('GET', location)).body;
    }
    expect(job.state).toBe('succeeded');
    const names = execFileSync(
      'virsh',
      ['-c', requireEnv('ECLOUD_LIBVIRT_TEST_URI'), 'list', '--all', '--name'],
      {
        encoding: 'utf8',
      },
    );
    expect(names).toContain(job.resourceId);
    made.push(job.resourceId);
    const volumes = await call('GET', `/v1/volumes?instanceId=${job.resourceId}`);
    volumeFiles.push(...volumes.body.items.map((v) => `${v.id}.qcow2`));
  });
});
