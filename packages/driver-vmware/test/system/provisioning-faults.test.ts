import { existsSync, readFileSync } from 'node:fs';
import type { DriverCallOptions, InstanceSpec } from '@ecloud/core';
import { MockAgent } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type VmwareComputeDriver, vmwareDriver } from '../../src/driver/vmware-compute-driver.js';
import { type ManagedObjectReference, moref } from '../../src/soap/soap-value.js';
import { inventory } from '../../src/vim/inventory.js';
import { isReference } from '../../src/vim/vim-value.js';
import { faultAnswer } from '../helpers/soap.js';
import { vcsimEnv } from './vcsim-env.js';
import { DATASTORE, Vcsim, vcenterOptions } from './vcsim-fixtures.js';

// Every multi-step operation of the VMware driver completes or undoes itself (ground rule 4): the
// driver talks to the real simulator through undici's MockAgent, which passes every request on except
// the one a test makes fail — a fault vCenter can give but the simulator will not on demand. What is
// left behind is then read from vCenter and from the datastore's files.
const env = vcsimEnv();
const MARK = Buffer.from('fault test image');
const origin = new URL(env.url).origin;

describe('the VMware driver undoes what a failed operation made (vCenter simulator)', () => {
  let sim: Vcsim;
  let mock: MockAgent;
  let driver: VmwareComputeDriver;
  let hostRef = '';
  let template: ManagedObjectReference | undefined;
  const imageId = `img-fault-${process.pid}`;
  const made: string[] = [];
  let serial = 0;
  const call = (): DriverCallOptions => ({ signal: AbortSignal.timeout(30_000), progress: () => undefined });
  const spec = (disks: InstanceSpec['disks'], start = false): InstanceSpec => {
    serial += 1;
    return {
      id: `ins-fault-${process.pid}-${serial}`,
      name: 'fault',
      hostRef,
      vcpus: 1,
      memoryMiB: 64,
      disks,
      nics: [],
      start,
    };
  };
  const rootFromImage = (id: string) => ({
    id,
    sizeGiB: 1,
    role: 'system' as const,
    deviceIndex: 0,
    imageId,
  });
  /** Makes the `nth` request (1-based) for `method` answer with a vCenter fault; the others pass. */
  const failNth = (method: string, nth = 1) => {
    let seen = 0;
    mock
      .get(origin)
      .intercept({
        path: '/sdk',
        method: 'POST',
        body: (body) =>
          body.includes(`<${method} `) || body.includes(`<${method}>`) ? ++seen === nth : false,
      })
      .reply(500, faultAnswer('SystemError', `injected ${method} failure`, '<reason>injected</reason>'));
  };
  /** The VM's folder on the datastore, as files. */
  const folder = (instanceId: string) => `${sim.datastoreDir}/${instanceId}`;

  beforeAll(async () => {
    sim = await Vcsim.open();
    const [host] = await inventory(sim.session, [{ type: 'HostSystem', pathSet: ['name'] }]);
    hostRef = host?.obj.value ?? '';
    template = await sim.makeTemplate(imageId, hostRef, MARK);
    // The mock pools pass on what no interceptor takes, with these connection options.
    mock = new MockAgent({ connect: { ca: readFileSync(env.caFile, 'utf8') } });
    mock.enableNetConnect(new URL(env.url).host);
    driver = vmwareDriver({ name: 'faults', vcenter: vcenterOptions() }, mock);
  }, 60_000);

  afterEach(() => {
    // An interceptor a test did not use up would fail a later test's unrelated request.
    expect(mock.pendingInterceptors()).toEqual([]);
  });

  afterAll(async () => {
    await driver?.close();
    for (const ref of made)
      await sim.task(moref('VirtualMachine', ref), 'Destroy_Task').catch(() => undefined);
    if (template) await sim.task(template, 'Destroy_Task').catch(() => undefined);
    await mock?.close();
    await sim?.session.logout();
  }, 60_000);

  it('deletes the copied image disk when CreateVM_Task fails', async () => {
    const wanted = spec([rootFromImage('vol-f1')]);
    failNth('CreateVM_Task');
    await expect(driver.createInstance(wanted, call())).rejects.toMatchObject({ code: expect.any(String) });
    expect(await driver.findInstance(wanted.id, call())).toBeUndefined();
    expect(existsSync(`${folder(wanted.id)}/vol-f1-flat.vmdk`)).toBe(false);
    expect(existsSync(`${folder(wanted.id)}/vol-f1.vmdk`)).toBe(false);
  });

  it('deletes the first copy when the second disk cannot be copied', async () => {
    const source = await driver.createInstance(
      spec([
        { id: 'vol-s0', sizeGiB: 1, role: 'system', deviceIndex: 0 },
        { id: 'vol-s1', sizeGiB: 1, role: 'data', deviceIndex: 1 },
      ]),
      call(),
    );
    made.push(source.ref);
    const copy = spec([
      { id: 'vol-c0', sizeGiB: 1, role: 'system', deviceIndex: 0 },
      { id: 'vol-c1', sizeGiB: 1, role: 'data', deviceIndex: 1 },
    ]);
    failNth('CopyVirtualDisk_Task', 2);
    await expect(driver.clone(source.ref, copy, call())).rejects.toMatchObject({ code: expect.any(String) });
    expect(existsSync(`${folder(copy.id)}/vol-c0-flat.vmdk`)).toBe(false);
    expect(existsSync(`${folder(copy.id)}/vol-c1-flat.vmdk`)).toBe(false);
    expect(await driver.findInstance(copy.id, call())).toBeUndefined();
  });

  it('destroys the new VM when it cannot be powered on', async () => {
    const wanted = spec([rootFromImage('vol-f2')], true);
    failNth('PowerOnVM_Task');
    await expect(driver.createInstance(wanted, call())).rejects.toMatchObject({ code: expect.any(String) });
    expect(await driver.findInstance(wanted.id, call())).toBeUndefined();
    expect(existsSync(`${folder(wanted.id)}/vol-f2-flat.vmdk`)).toBe(false);
  });

  it('removes the temporary snapshot of a running source when its clone fails', async () => {
    const source = await driver.createInstance(spec([rootFromImage('vol-r0')], true), call());
    made.push(source.ref);
    failNth('CreateVM_Task');
    const copy = spec([{ id: 'vol-r1', sizeGiB: 1, role: 'system', deviceIndex: 0 }]);
    await expect(driver.clone(source.ref, copy, call())).rejects.toMatchObject({ code: expect.any(String) });
    expect((await sim.vm(source.ref, ['snapshot'])).props.get('snapshot')).toBeUndefined();
    expect((await sim.vm(source.ref, ['runtime.powerState'])).props.get('runtime.powerState')).toBe(
      'poweredOn',
    );
    expect(existsSync(`${folder(copy.id)}/vol-r1-flat.vmdk`)).toBe(false);
  });

  it('keeps the VM where it was when RelocateVM_Task fails', async () => {
    const vm = await driver.createInstance(spec([rootFromImage('vol-m0')], true), call());
    made.push(vm.ref);
    const [other] = (await driver.listHosts(call())).filter((h) => h.ref !== hostRef);
    failNth('RelocateVM_Task');
    await expect(driver.migrate(vm.ref, other?.ref ?? '', { live: true }, call())).rejects.toMatchObject({
      code: expect.any(String),
    });
    const after = await sim.vm(vm.ref, ['runtime.host', 'runtime.powerState']);
    const host = after.props.get('runtime.host');
    expect(isReference(host) ? host.value : '').toBe(hostRef);
    expect(after.props.get('runtime.powerState')).toBe('poweredOn');
  });

  it('never destroys a VM whose disks could not be wiped (R-SEC-6)', async () => {
    const vm = await driver.createInstance(spec([rootFromImage('vol-w0')], true), call());
    made.push(vm.ref);
    failNth('ZeroFillVirtualDisk_Task');
    await expect(driver.delete(vm.ref, { wipe: true }, call())).rejects.toMatchObject({
      code: expect.any(String),
    });
    const kept = await driver.findInstance(`ins-fault-${process.pid}-${serial}`, call());
    expect(kept?.ref).toBe(vm.ref);
    expect(existsSync(sim.flatFile(`[${DATASTORE}] ${kept?.id}/vol-w0.vmdk`))).toBe(true);
  });
});
