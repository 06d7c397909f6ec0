import { afterEach, describe, expect, it } from 'vitest';
import { createCloud } from '../../src/cloud.js';
import type { CallContext } from '../../src/context/call-context.js';
import { EcloudError } from '../../src/errors/ecloud-error.js';
import { createMemoryStore } from '../../src/store/memory/memory-store.js';
import { simulator } from '../../src/testing/simulator/simulator-driver.js';
import { type Fixture, failure, makeFixture } from '../helpers/fixture.js';

/** Calls a public entry point with input it must refuse; the value is what the first issue's path must be. */
type BadCall = readonly [name: string, call: (f: Fixture, vmId: string) => Promise<unknown>, path: string];

const bad = <T>(value: unknown): T => value as T;

const BAD_CALLS: readonly BadCall[] = [
  ['datacenters.create: empty name', (f) => f.cloud.datacenters.create(f.admin, { name: '' }), 'name'],
  [
    'datacenters.create: unknown level',
    (f) => f.cloud.datacenters.create(f.admin, bad({ name: 'd', classification: 'top' })),
    'classification',
  ],
  [
    'clusters.create: bad hypervisor',
    (f) => f.cloud.clusters.create(f.admin, bad({ name: 'c', datacenterId: 'dc-1', hypervisor: 'hyperv' })),
    'hypervisor',
  ],
  [
    'tenants.create: unknown field',
    (f) => f.cloud.tenants.create(f.admin, bad({ name: 't', owner: 'x' })),
    '(root)',
  ],
  [
    'images.create: size 0',
    (f) => f.cloud.images.create(f.admin, { name: 'i', os: 'l', sizeGiB: 0, hypervisors: ['kvm'] }),
    'sizeGiB',
  ],
  [
    'images.create: min disk below size',
    (f) =>
      f.cloud.images.create(f.admin, { name: 'i', os: 'l', sizeGiB: 5, minDiskGiB: 2, hypervisors: ['kvm'] }),
    'minDiskGiB',
  ],
  [
    'images.create: no hypervisor',
    (f) => f.cloud.images.create(f.admin, { name: 'i', os: 'l', sizeGiB: 5, hypervisors: [] }),
    'hypervisors',
  ],
  [
    'offerings.create: fractional vCPU',
    (f) => f.cloud.offerings.create(f.admin, { name: 'o', vcpus: 1.5, memoryMiB: 512, rootDiskGiB: 1 }),
    'vcpus',
  ],
  [
    'offerings.create: too little memory',
    (f) => f.cloud.offerings.create(f.admin, { name: 'o', vcpus: 1, memoryMiB: 1, rootDiskGiB: 1 }),
    'memoryMiB',
  ],
  [
    'hosts.register: no ref',
    (f) => f.cloud.hosts.register(f.admin, bad({ clusterId: 'cl-1', driver: 'sim' })),
    'ref',
  ],
  [
    'hosts.discover: bad tags',
    (f) => f.cloud.hosts.discover(f.admin, bad({ clusterId: 'cl-1', driver: 'sim', tags: [''] })),
    'tags[0]',
  ],
  [
    'hosts.update: unknown field',
    (f) => f.cloud.hosts.update(f.admin, f.hosts[0]?.id ?? '', bad({ state: 'down' })),
    '(root)',
  ],
  ['hosts.list: limit 0', (f) => f.cloud.hosts.list(f.admin, { limit: 0 }), 'limit'],
  [
    'instances.create: bad name',
    (f) => f.cloud.instances.create(f.admin, { name: 'bad name!', offeringId: 'o', imageId: 'i' }),
    'name',
  ],
  [
    'instances.create: huge data disk',
    (f) =>
      f.cloud.instances.create(f.admin, {
        name: 'n',
        offeringId: 'o',
        imageId: 'i',
        dataDisks: [{ sizeGiB: 5000 }],
      }),
    'dataDisks[0].sizeGiB',
  ],
  [
    'instances.create: no tenant for platform caller',
    (f) => f.cloud.instances.create(f.admin, { name: 'n', offeringId: f.small.id, imageId: f.image.id }),
    'tenantId',
  ],
  [
    'instances.list: unknown state',
    (f) => f.cloud.instances.list(f.admin, bad({ state: 'flying' })),
    'state',
  ],
  ['instances.update: nothing', (f, id) => f.cloud.instances.update(f.admin, id, {}), '(root)'],
  [
    'instances.stop: force not boolean',
    (f, id) => f.cloud.instances.stop(f.admin, id, bad({ force: 'yes' })),
    'force',
  ],
  [
    'instances.resize: both offering and size',
    (f, id) => f.cloud.instances.resize(f.admin, id, { offeringId: f.large.id, vcpus: 2 }),
    '(root)',
  ],
  ['instances.resize: same size', (f, id) => f.cloud.instances.resize(f.admin, id, { vcpus: 2 }), '(root)'],
  [
    'instances.attachDisk: size 0',
    (f, id) => f.cloud.instances.attachDisk(f.admin, id, { sizeGiB: 0 }),
    'sizeGiB',
  ],
  [
    'instances.migrate: unknown field',
    (f, id) => f.cloud.instances.migrate(f.admin, id, bad({ target: 'x' })),
    '(root)',
  ],
  [
    'instances.migrate: to its own host',
    (f, id) =>
      f.cloud.instances
        .get(f.admin, id)
        .then((vm) => f.cloud.instances.migrate(f.admin, id, { hostId: vm.hostId ?? '' })),
    '(root)',
  ],
  ['instances.clone: no name', (f, id) => f.cloud.instances.clone(f.admin, id, bad({})), 'name'],
  ['instances.snapshot: bad name', (f, id) => f.cloud.instances.snapshot(f.admin, id, { name: '' }), 'name'],
  [
    'instances.listSnapshots: limit too large',
    (f, id) => f.cloud.instances.listSnapshots(f.admin, id, { limit: 100_000 }),
    'limit',
  ],
  ['volumes.list: unknown field', (f) => f.cloud.volumes.list(f.admin, bad({ size: 1 })), '(root)'],
  ['jobs.list: unknown state', (f) => f.cloud.jobs.list(f.admin, bad({ state: 'done' })), 'state'],
  ['events.list: empty cursor', (f) => f.cloud.events.list(f.admin, { cursor: '' }), 'cursor'],
  ['any call: a context without principal', (f) => f.cloud.instances.list(bad<CallContext>({})), 'principal'],
];

describe('every public entry point validates its input', () => {
  let f: Fixture;
  let vmId: string;
  afterEach(async () => f?.cloud.close());

  it.each(BAD_CALLS)('%s → INVALID_ARGUMENT naming the field', async (_name, call, path) => {
    f = await makeFixture();
    vmId = (await f.vm()).id;
    const jobsBefore = (await f.cloud.jobs.list(f.admin)).items.length;
    const error = await failure(call(f, vmId));
    expect(error).toBeInstanceOf(EcloudError);
    expect(error.code).toBe('INVALID_ARGUMENT');
    const issues = error.details.issues as { path: string }[] | undefined;
    expect(issues?.[0]?.path ?? '(root)').toBe(path);
    expect((await f.cloud.jobs.list(f.admin)).items.length).toBe(jobsBefore);
    expect(await f.cloud.instances.get(f.admin, vmId)).toMatchObject({ jobId: null, state: 'running' });
  });

  it('createCloud refuses bad options and incompatible or duplicate drivers', async () => {
    const store = createMemoryStore();
    expect((await failure(createCloud(bad({ store, drivers: 'sim' })))).code).toBe('INVALID_ARGUMENT');
    expect((await failure(createCloud({ store, drivers: [], jobConcurrency: 0 }))).code).toBe(
      'INVALID_ARGUMENT',
    );
    expect(
      (await failure(createCloud({ store, drivers: [bad({ name: 'half', spiVersion: '1.0' })] }))).code,
    ).toBe('INVALID_ARGUMENT');
    const future = new Proxy(simulator({ name: 'future' }), {
      get: (target, prop, receiver) => (prop === 'spiVersion' ? '2.0' : Reflect.get(target, prop, receiver)),
    });
    expect(await failure(createCloud({ store, drivers: [future] }))).toMatchObject({
      code: 'INCOMPATIBLE_DRIVER',
      details: { spiVersion: '2.0', coreSpiVersion: '1.1' },
    });
    const twins = await failure(
      createCloud({ store, drivers: [simulator({ name: 'a' }), simulator({ name: 'a' })] }),
    );
    expect(twins).toMatchObject({ code: 'ALREADY_EXISTS', details: { driver: 'a' } });
  });
});
