// What the VMware system tests set up on the vCenter simulator, through a session of their own: the
// datastore's directory (the simulator keeps disks as real files), image templates, and reads of VMs.

import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { splitDatastorePath } from '../../src/driver/disk-devices.js';
import { vmConfigSpec } from '../../src/driver/vm-config-spec.js';
import { type ManagedObjectReference, moref } from '../../src/soap/soap-value.js';
import { inventory } from '../../src/vim/inventory.js';
import { type ObjectContent, retrieveObjects } from '../../src/vim/property-collector.js';
import { waitForTask } from '../../src/vim/task.js';
import { asArray, isReference, type VimObject } from '../../src/vim/vim-value.js';
import { VsphereSession } from '../../src/vim/vsphere-session.js';
import { type VcsimEnv, vcsimEnv } from './vcsim-env.js';

/** The simulator's one datastore. */
export const DATASTORE = 'LocalDS_0';

/** The driver's and the session's connection options for the simulator. */
export function vcenterOptions(env: VcsimEnv = vcsimEnv()) {
  return {
    url: env.url,
    username: env.username,
    password: env.password,
    tls: { ca: readFileSync(env.caFile, 'utf8') },
  };
}

/** A session of the test's own, and what it reads and does on the simulator. */
export class Vcsim {
  private constructor(
    readonly session: VsphereSession,
    /** The local directory behind {@link DATASTORE}. */
    readonly datastoreDir: string,
  ) {}

  static async open(): Promise<Vcsim> {
    const session = await VsphereSession.login(vcenterOptions());
    const [store] = await inventory(session, [{ type: 'Datastore', pathSet: ['info.url'] }]);
    return new Vcsim(session, String(store?.props.get('info.url')));
  }

  async vm(ref: string, paths: string[]): Promise<ObjectContent> {
    const [vm] = await retrieveObjects(this.session, [moref('VirtualMachine', ref)], 'VirtualMachine', paths);
    if (!vm) throw new Error(`vCenter has no VM ${ref}`);
    return vm;
  }

  /** Runs a task to its end. */
  async task(target: ManagedObjectReference, method: string, args = {}) {
    const task = await this.session.startTask(method, target, args);
    return waitForTask(this.session, task, method, { signal: AbortSignal.timeout(30_000) });
  }

  async disks(ref: string): Promise<VimObject[]> {
    const devices = asArray(
      (await this.vm(ref, ['config.hardware.device'])).props.get('config.hardware.device'),
    );
    return devices.filter((d) => (d as VimObject).$type === 'VirtualDisk') as VimObject[];
  }

  /** The local file of a disk's data: `<datastore dir>/<folder>/<name>-flat.vmdk`. */
  flatFile(path: string): string {
    return join(this.datastoreDir, (splitDatastorePath(path)?.path ?? '').replace(/\.vmdk$/, '-flat.vmdk'));
  }

  /**
   * An image as vCenter holds it: a template named by the image id with one 1 GiB disk on
   * {@link DATASTORE} whose data starts with `mark`, in the first datacenter's VM folder.
   */
  async makeTemplate(imageId: string, hostRef: string, mark: Buffer): Promise<ManagedObjectReference> {
    const [dc] = await inventory(this.session, [{ type: 'Datacenter', pathSet: ['vmFolder'] }]);
    const [host] = await retrieveObjects(this.session, [moref('HostSystem', hostRef)], 'HostSystem', [
      'parent',
    ]);
    const parent = host?.props.get('parent');
    const [compute] = isReference(parent)
      ? await retrieveObjects(this.session, [parent], 'ComputeResource', ['resourcePool'])
      : [];
    const spec = { id: imageId, name: 'template', hostRef, vcpus: 1, memoryMiB: 64, nics: [], start: false };
    const disks = [{ id: imageId, sizeGiB: 1, role: 'system' as const, deviceIndex: 0 }];
    const made = await this.task(dc?.props.get('vmFolder') as ManagedObjectReference, 'CreateVM_Task', {
      config: vmConfigSpec({ ...spec, disks }, DATASTORE, 'otherGuest64'),
      pool: compute?.props.get('resourcePool') as ManagedObjectReference,
    });
    if (!isReference(made, 'VirtualMachine')) throw new Error('CreateVM_Task made no template VM');
    const [disk] = await this.disks(made.value);
    writeAt(this.flatFile(String((disk?.backing as VimObject | undefined)?.fileName)), mark);
    await this.session.invoke('MarkAsTemplate', made);
    return made;
  }
}

/** Puts `data` at the start of an existing file. */
export function writeAt(file: string, data: Buffer): void {
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, data, 0, data.length, 0);
  } finally {
    closeSync(fd);
  }
}
