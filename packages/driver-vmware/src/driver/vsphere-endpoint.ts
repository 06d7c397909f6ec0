import { type DriverCallOptions, type DriverPowerState, EcloudError } from '@ecloud/core';
import type { Dispatcher } from 'undici';
import type { z } from 'zod';
import { type ManagedObjectReference, moref, type SoapValue } from '../soap/soap-value.js';
import { inventory } from '../vim/inventory.js';
import { type ObjectContent, retrieveObjects } from '../vim/property-collector.js';
import { waitForTask } from '../vim/task.js';
import { asArray, isReference, type VimValue } from '../vim/vim-value.js';
import { VsphereSession } from '../vim/vsphere-session.js';
import { instanceNotFound, notFound } from './driver-errors.js';
import { DATASTORE_PROPERTIES, HOST_PROPERTIES } from './host-description.js';
import type { VmwareDriverOptions } from './vmware-driver-options.js';

/** The datacenter a driver serves. @internal */
export interface Placement {
  readonly datacenter: ManagedObjectReference;
  readonly datacenterName: string;
  readonly vmFolder: ManagedObjectReference;
}

/** A host with the datastores it reaches, by managed object id. @internal */
export interface HostWithDatastores {
  readonly host: ObjectContent;
  readonly datastores: ReadonlyMap<string, ObjectContent>;
}

/** A VM's power state as the core names it. @internal */
export function powerOf(state: VimValue | undefined): DriverPowerState {
  if (state === 'poweredOn') return 'running';
  if (state === 'suspended') return 'suspended';
  return 'stopped';
}

/** The VM of an instance reference. @internal */
export function vmRef(instanceRef: string): ManagedObjectReference {
  return moref('VirtualMachine', instanceRef);
}

/**
 * One vCenter as the driver's operations see it: the session (logged in on first use, and again after
 * a failed login), the datacenter served, tasks run to their end, and the reads every operation needs.
 * @internal
 */
export class VsphereEndpoint {
  readonly #options: z.output<typeof VmwareDriverOptions>;
  readonly #dispatcher: Dispatcher | undefined;
  #session: Promise<VsphereSession> | undefined;
  #placement: Promise<Placement> | undefined;

  constructor(options: z.output<typeof VmwareDriverOptions>, dispatcher?: Dispatcher) {
    this.#options = options;
    this.#dispatcher = dispatcher;
  }

  get options(): z.output<typeof VmwareDriverOptions> {
    return this.#options;
  }

  /** The session, logging in on first use; a failed login is tried again on the next call. */
  session(): Promise<VsphereSession> {
    this.#session ??= VsphereSession.login(
      { ...this.#options.vcenter, timeoutMs: this.#options.timeoutMs },
      this.#dispatcher,
    ).catch((error: unknown) => {
      this.#session = undefined;
      throw error;
    });
    return this.#session;
  }

  /** The datacenter served and its VM folder, found once. */
  placement(options: DriverCallOptions): Promise<Placement> {
    this.#placement ??= this.#findDatacenter(options).catch((error: unknown) => {
      this.#placement = undefined;
      throw error;
    });
    return this.#placement;
  }

  async close(): Promise<void> {
    const session = this.#session;
    this.#session = undefined;
    this.#placement = undefined;
    await (await session?.catch(() => undefined))?.logout();
  }

  async #findDatacenter(options: DriverCallOptions): Promise<Placement> {
    const session = await this.session();
    const datacenters = await inventory(session, [{ type: 'Datacenter', pathSet: ['name', 'vmFolder'] }], {
      signal: options.signal,
    });
    const wanted = this.#options.datacenter;
    const found = datacenters.find((dc) => wanted === undefined || dc.props.get('name') === wanted);
    const vmFolder = found?.props.get('vmFolder');
    if (!found || !isReference(vmFolder, 'Folder')) {
      throw new EcloudError(
        'NOT_FOUND',
        wanted === undefined ? 'vCenter has no datacenter.' : `vCenter has no datacenter ${wanted}.`,
        {
          details: { datacenter: wanted },
        },
      );
    }
    return { datacenter: found.obj, datacenterName: String(found.props.get('name')), vmFolder };
  }

  /** Starts `method` on `target` and follows its task to the end; resolves with the task's result. */
  async run(
    target: ManagedObjectReference,
    method: string,
    args: Readonly<Record<string, SoapValue>>,
    options: DriverCallOptions,
  ): Promise<VimValue | undefined> {
    const session = await this.session();
    const task = await session.startTask(method, target, args, { signal: options.signal });
    return waitForTask(session, task, method, {
      signal: options.signal,
      progress: (percent: number) => options.progress(percent),
    });
  }

  /** {@link run} on an instance's VM, its `NOT_FOUND` naming the instance. */
  runOnVm(
    instanceRef: string,
    method: string,
    args: Readonly<Record<string, SoapValue>>,
    options: DriverCallOptions,
  ): Promise<VimValue | undefined> {
    return this.run(vmRef(instanceRef), method, args, options).catch((error: unknown) => {
      throw notFound(error, `Instance ${instanceRef} is not in vCenter.`, { instanceRef });
    });
  }

  /** Properties of an instance's VM; `NOT_FOUND` if vCenter has no such VM. */
  async vm(
    instanceRef: string,
    pathSet: readonly string[],
    options: DriverCallOptions,
  ): Promise<ObjectContent> {
    const session = await this.session();
    const [vm] = await retrieveObjects(session, [vmRef(instanceRef)], 'VirtualMachine', pathSet, {
      signal: options.signal,
    }).catch((error: unknown) => {
      throw notFound(error, `Instance ${instanceRef} is not in vCenter.`, { instanceRef });
    });
    if (!vm) throw instanceNotFound(instanceRef);
    return vm;
  }

  async power(instanceRef: string, options: DriverCallOptions): Promise<DriverPowerState> {
    return powerOf(
      (await this.vm(instanceRef, ['runtime.powerState'], options)).props.get('runtime.powerState'),
    );
  }

  /** Refuses `operation` with `ILLEGAL_STATE` unless the instance's power state is one of `allowed`. */
  async requirePower(
    instanceRef: string,
    allowed: readonly DriverPowerState[],
    operation: string,
    options: DriverCallOptions,
  ): Promise<DriverPowerState> {
    const power = await this.power(instanceRef, options);
    if (!allowed.includes(power)) {
      throw new EcloudError('ILLEGAL_STATE', `Instance ${instanceRef} is ${power}: it cannot ${operation}.`, {
        details: { instanceRef, power, operation },
      });
    }
    return power;
  }

  /** Every host of the datacenter with every datastore, in one container-view walk. */
  async hostsAndDatastores(
    options: DriverCallOptions,
  ): Promise<{ hosts: ObjectContent[]; datastores: Map<string, ObjectContent> }> {
    const session = await this.session();
    const { datacenter } = await this.placement(options);
    const objects = await inventory(
      session,
      [
        { type: 'HostSystem', pathSet: HOST_PROPERTIES },
        { type: 'Datastore', pathSet: DATASTORE_PROPERTIES },
      ],
      { signal: options.signal, container: datacenter },
    );
    return {
      hosts: objects.filter((o) => o.obj.type === 'HostSystem'),
      datastores: new Map(objects.filter((o) => o.obj.type === 'Datastore').map((o) => [o.obj.value, o])),
    };
  }

  /** One host and the datastores it reaches; `NOT_FOUND` if vCenter has no such host. */
  async host(hostRef: string, options: DriverCallOptions): Promise<HostWithDatastores> {
    const session = await this.session();
    const missing = () =>
      new EcloudError('NOT_FOUND', `Host ${hostRef} is not in vCenter.`, { details: { hostRef } });
    const [host] = await retrieveObjects(
      session,
      [moref('HostSystem', hostRef)],
      'HostSystem',
      HOST_PROPERTIES,
      {
        signal: options.signal,
      },
    ).catch((error: unknown) => {
      throw notFound(error, missing().message, { hostRef });
    });
    if (!host) throw missing();
    const stores = asArray(host.props.get('datastore')).filter((d) => isReference(d, 'Datastore'));
    const datastores = await retrieveObjects(
      session,
      stores as ManagedObjectReference[],
      'Datastore',
      [...DATASTORE_PROPERTIES, 'name'],
      { signal: options.signal },
    );
    return { host, datastores: new Map(datastores.map((d) => [d.obj.value, d])) };
  }

  /** The datastore new files go to on a host: the configured one, or the host's first. */
  async datastoreOn(
    hostRef: string,
    options: DriverCallOptions,
  ): Promise<HostWithDatastores & { datastore: string }> {
    const found = await this.host(hostRef, options);
    const names = [...found.datastores.values()].map((d) => String(d.props.get('name')));
    const datastore = this.#options.datastore ?? names[0];
    if (datastore === undefined || !names.includes(datastore)) {
      throw new EcloudError(
        'ILLEGAL_STATE',
        datastore === undefined
          ? `Host ${hostRef} reaches no datastore.`
          : `Host ${hostRef} reaches no datastore ${datastore}.`,
        {
          details: { hostRef, datastore, reachable: names },
        },
      );
    }
    return { ...found, datastore };
  }

  /** The resource pool VMs on a host run in: the root pool of its cluster or standalone compute resource. */
  async resourcePoolOf(host: ObjectContent, options: DriverCallOptions): Promise<ManagedObjectReference> {
    const session = await this.session();
    const parent = host.props.get('parent');
    const [compute] = isReference(parent)
      ? await retrieveObjects(session, [parent], 'ComputeResource', ['resourcePool'], {
          signal: options.signal,
        })
      : [];
    const pool = compute?.props.get('resourcePool');
    if (!isReference(pool, 'ResourcePool'))
      throw new EcloudError('DRIVER_FAILURE', `Host ${host.obj.value} has no resource pool.`);
    return pool;
  }
}

/** How long undoing a failed operation may take; its caller's signal may already be aborted. */
const CLEANUP_MS = 5 * 60_000;

/** Call options for undoing a failed operation: a signal of its own, bounded. @internal */
export function cleanupOptions(): DriverCallOptions {
  return { signal: AbortSignal.timeout(CLEANUP_MS), progress: () => undefined };
}
