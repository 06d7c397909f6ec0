import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Cloud, type CloudOptions, createCloud } from '../../src/cloud.js';
import { type CallContext, systemContext } from '../../src/context/call-context.js';
import type { Scope } from '../../src/identity/scope.js';
import type { Host } from '../../src/model/host.js';
import type { Image } from '../../src/model/image.js';
import type { Offering } from '../../src/model/offering.js';
import type { Tenant } from '../../src/model/tenant.js';
import { createMemoryStore } from '../../src/store/memory/memory-store.js';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { Store } from '../../src/store/store.js';
import { type SimulatorDriver, simulator } from '../../src/testing/simulator/simulator-driver.js';
import type { SimulatorOptions } from '../../src/testing/simulator/simulator-options.js';

/** The stores every cloud test runs against. */
export const STORES: ReadonlyArray<{ name: string; make: () => Store }> = [
  { name: 'memory', make: () => createMemoryStore() },
  {
    name: 'sqlite',
    make: () => createSqliteStore({ filename: join(mkdtempSync(join(tmpdir(), 'ecloud-test-')), 'test.db') }),
  },
];

/** A cloud with one datacenter, one cluster of simulated hosts, a tenant, an image and offerings. */
export interface Fixture {
  readonly cloud: Cloud;
  readonly sim: SimulatorDriver;
  readonly store: Store;
  readonly hosts: readonly Host[];
  readonly tenant: Tenant;
  readonly image: Image;
  readonly small: Offering;
  readonly large: Offering;
  readonly admin: ReturnType<typeof systemContext>;
  /**
   * A new user bound to `roleId` on `scope` (default: the fixture's tenant), as its context — narrowed
   * to `narrowTo` if given.
   */
  readonly caller: (roleId: string, scope?: Scope, narrowTo?: string) => Promise<CallContext>;
  /** Creates a running instance of the small offering and waits for it. */
  readonly vm: (
    name?: string,
    extra?: Record<string, unknown>,
  ) => Promise<import('../../src/model/instance.js').Instance>;
}

export async function makeFixture(
  options: { store?: Store; sim?: SimulatorOptions; cloud?: Partial<CloudOptions> } = {},
): Promise<Fixture> {
  const store = options.store ?? createMemoryStore();
  const sim = simulator({ name: 'sim', hosts: { count: 2 }, ...options.sim });
  const cloud = await createCloud({ store, drivers: [sim], nodeId: 'test-node', ...options.cloud });
  const admin = systemContext('test-admin');
  const dc = await cloud.datacenters.create(admin, { name: 'dc1' });
  const cluster = await cloud.clusters.create(admin, {
    name: 'c1',
    datacenterId: dc.id,
    hypervisor: sim.hypervisor,
  });
  const hosts = await cloud.hosts.discover(admin, { clusterId: cluster.id, driver: 'sim' });
  const tenant = await cloud.tenants.create(admin, { name: 'acme' });
  const image = await cloud.images.create(admin, {
    name: 'linux',
    os: 'linux',
    sizeGiB: 10,
    hypervisors: [sim.hypervisor],
  });
  const small = await cloud.offerings.create(admin, {
    name: 'small',
    vcpus: 2,
    memoryMiB: 2048,
    rootDiskGiB: 20,
  });
  const large = await cloud.offerings.create(admin, {
    name: 'large',
    vcpus: 8,
    memoryMiB: 8192,
    rootDiskGiB: 20,
  });
  const vm = async (name = 'vm1', extra: Record<string, unknown> = {}) => {
    const handle = await cloud.instances.create(admin, {
      name,
      tenantId: tenant.id,
      offeringId: small.id,
      imageId: image.id,
      ...extra,
    });
    return handle.wait({ timeoutMs: 10_000 });
  };
  let callers = 0;
  const caller = async (
    roleId: string,
    scope: Scope = { kind: 'tenant', id: tenant.id },
    narrowTo?: string,
  ) => {
    callers += 1;
    const user = await cloud.identity.principals.create(admin, { kind: 'user', name: `caller-${callers}` });
    await cloud.identity.bindings.grant(admin, { principalId: user.id, roleId, scope });
    const ctx: CallContext = { principal: { id: user.id, type: 'user' } };
    return narrowTo === undefined ? ctx : { ...ctx, tenantId: narrowTo };
  };
  return { cloud, sim, store, hosts, tenant, image, small, large, admin, caller, vm };
}

/** The sum of what every host has allocated. */
export async function allocated(
  fixture: Fixture,
): Promise<{ vcpus: number; memoryMiB: number; storageGiB: number }> {
  const page = await fixture.cloud.hosts.list(fixture.admin, { limit: 1000 });
  return page.items.reduce(
    (sum, h) => ({
      vcpus: sum.vcpus + h.allocated.vcpus,
      memoryMiB: sum.memoryMiB + h.allocated.memoryMiB,
      storageGiB: sum.storageGiB + h.allocated.storageGiB,
    }),
    { vcpus: 0, memoryMiB: 0, storageGiB: 0 },
  );
}

/** Captures the error a promise rejects with. */
export async function failure(
  promise: Promise<unknown>,
): Promise<import('../../src/errors/ecloud-error.js').EcloudError> {
  try {
    await promise;
  } catch (error) {
    return error as import('../../src/errors/ecloud-error.js').EcloudError;
  }
  throw new Error('expected the promise to reject');
}
