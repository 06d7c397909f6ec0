import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type KvmComputeDriver, kvmDriver } from '../../src/driver/kvm-compute-driver.js';
import { kvmEnv } from './kvm-env.js';
import { domainNames, virsh } from './virsh.js';

// A create that fails part-way undoes what it made, on the real daemon (rule 4: complete or undo).
const env = kvmEnv();
const POOL = 'default-pool';
const call = () => ({ signal: new AbortController().signal, progress: () => undefined });

describe('the KVM driver when an operation fails part-way', () => {
  let driver: KvmComputeDriver;

  beforeAll(async () => {
    driver = kvmDriver({
      name: 'kvm-faults',
      domainType: 'test',
      hosts: [
        {
          ref: 'h',
          transport: { kind: 'unix', path: env.socket },
          uri: 'test:///default',
          storagePool: POOL,
        },
      ],
    });
    await driver.connect(call());
  });
  afterAll(async () => driver?.close());

  const spec = (id: string, mac: string) => ({
    id,
    name: id,
    hostRef: 'h',
    vcpus: 1,
    memoryMiB: 64,
    disks: [
      { id: `${id}-a`, sizeGiB: 1, role: 'data' as const, deviceIndex: 0 },
      { id: `${id}-b`, sizeGiB: 1, role: 'data' as const, deviceIndex: 1 },
    ],
    nics: [{ mac, network: 'default' }],
    start: true,
  });

  it('removes the disks it made when the domain cannot be defined', async () => {
    const id = `fault-${process.pid}`;
    // A multicast MAC is refused by the domain builder after both volumes exist.
    await expect(driver.createInstance(spec(id, '01:00:5e:00:00:01'), call())).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    const volumes = await virsh(env.testUri, 'vol-list', POOL);
    expect(volumes).not.toContain(`${id}-a.qcow2`);
    expect(volumes).not.toContain(`${id}-b.qcow2`);
    expect(await domainNames(env.testUri)).not.toContain(id);
  });

  it('fails a create whose image the host does not hold, naming it, and leaves nothing behind', async () => {
    const id = `noimage-${process.pid}`;
    const withImage = {
      ...spec(id, '52:54:00:00:00:01'),
      disks: [
        { id: `${id}-root`, sizeGiB: 1, role: 'system' as const, deviceIndex: 0, imageId: 'img-missing' },
      ],
    };
    await expect(driver.createInstance(withImage, call())).rejects.toMatchObject({
      code: 'NOT_FOUND',
      details: { imageId: 'img-missing', pool: POOL },
    });
    expect(await domainNames(env.testUri)).not.toContain(id);
  });

  it('reports an unknown instance as NOT_FOUND and treats deleting it as done', async () => {
    const gone = '00000000-0000-4000-8000-000000000000';
    await expect(driver.start(gone, call())).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(driver.delete(gone, { wipe: true }, call())).resolves.toBeUndefined();
    expect(await driver.findInstance('ins-never-made', call())).toBeUndefined();
  });
});
