import { type CallContext, checkContext } from '../context/call-context.js';
import { EcloudError } from '../errors/ecloud-error.js';
import { transactWithEvents } from '../events/outbox.js';
import type { JobHandle } from '../jobs/job-handle.js';
import type { Cluster } from '../model/cluster.js';
import {
  DiscoverHostsInput,
  type DiscoverHostsInput as DiscoverInput,
  type Host,
  HostFilter,
  RegisterHostInput,
  type RegisterHostInput as RegisterInput,
  UpdateHostInput,
  type UpdateHostInput as UpdateInput,
} from '../model/host.js';
import { newId } from '../model/ids.js';
import type { Page } from '../model/page.js';
import { parseInput } from '../model/validate.js';
import { hostCapacity } from '../scheduler/host-capacity.js';
import type { ComputeDriver, DriverHost, HostUsage } from '../spi/compute-driver.js';
import type { NewRecord, StoreSession } from '../store/store.js';
import type { OperationTable } from './access/operation-rule.js';
import { audited, type RecordSuccess, resourceSubject } from './audit/audit-trail.js';
import { callDriver, quickCall } from './driver-call.js';
import { enterMaintenance, exitMaintenance } from './host-maintenance.js';
import { authorize, PLATFORM } from './identity/identity-guard.js';
import { listPage, requireRecord, type ServiceDeps } from './service-deps.js';

/** Hosts: registration through their drivers, tags and dedication, live usage. @public */
export interface HostService {
  /** Registers one host the driver knows by `ref` into a cluster. */
  register(ctx: CallContext, input: RegisterInput): Promise<Host>;
  /** Registers every host the driver reports that is not registered yet; returns those added. */
  discover(ctx: CallContext, input: DiscoverInput): Promise<readonly Host[]>;
  /** Reads one host; platform callers only. */
  get(ctx: CallContext, id: string): Promise<Host>;
  /** One page of hosts, optionally of one cluster. */
  list(ctx: CallContext, filter?: HostFilter): Promise<Page<Host>>;
  /** Changes tags or tenant dedication (R-COMP-5). */
  update(ctx: CallContext, id: string, input: UpdateInput): Promise<Host>;
  /** Live use of the host as its driver reports it (R-SCHED-1). */
  usage(ctx: CallContext, id: string): Promise<HostUsage>;
  /**
   * Puts a host into maintenance (R-COMP-5): it takes no new instances at once, and a job moves every
   * instance off it (live where it can, else stop–move–start); the job's result is the host,
   * `in_maintenance`. If an instance cannot move the job fails and the host returns to service.
   * Cancel the job to stop draining.
   */
  enterMaintenance(ctx: CallContext, id: string): Promise<JobHandle<Host>>;
  /** Returns a host in maintenance to service; a host still draining is ILLEGAL_STATE. */
  exitMaintenance(ctx: CallContext, id: string): Promise<Host>;
}

const DISCOVER_BATCH = 500;

function hostRecord(
  cluster: Cluster,
  driver: ComputeDriver,
  found: DriverHost,
  input: { tags: string[]; dedicatedTenantId?: string | undefined },
): NewRecord<'hosts'> {
  return {
    id: newId('host'),
    name: found.name,
    clusterId: cluster.id,
    datacenterId: cluster.datacenterId,
    driver: driver.name,
    ref: found.ref,
    hypervisor: driver.hypervisor,
    cpu: found.cpu,
    memoryMiB: found.memoryMiB,
    storageGiB: found.storageGiB,
    storagePools: [...(found.storagePools ?? [])],
    state: found.state,
    maintenance: 'none',
    tags: input.tags,
    dedicatedTenantId: input.dedicatedTenantId ?? null,
    capacity: hostCapacity(found, cluster.overcommit),
    allocated: { vcpus: 0, memoryMiB: 0, storageGiB: 0 },
  };
}

async function clusterFor(tx: StoreSession, clusterId: string, driver: ComputeDriver): Promise<Cluster> {
  const cluster = await tx.get('clusters', clusterId);
  if (!cluster)
    throw new EcloudError('NOT_FOUND', `Cluster ${clusterId} does not exist.`, { details: { clusterId } });
  if (cluster.hypervisor !== driver.hypervisor) {
    throw new EcloudError(
      'INVALID_ARGUMENT',
      `Cluster ${clusterId} holds ${cluster.hypervisor} hosts; driver ${driver.name} serves ${driver.hypervisor}.`,
      { details: { clusterId, clusterHypervisor: cluster.hypervisor, driverHypervisor: driver.hypervisor } },
    );
  }
  return cluster;
}

/** The right each host operation checks; all act on the platform. @internal */
export const HOST_OPERATIONS = {
  register: 'host:register',
  discover: 'host:register',
  get: 'host:read',
  list: 'host:read',
  update: 'host:update',
  usage: 'host:read',
  enterMaintenance: 'host:maintenance',
  exitMaintenance: 'host:maintenance',
} as const satisfies OperationTable<HostService>;

/** Builds the host service. @internal */
export function createHostService(deps: ServiceDeps): HostService {
  const { store, bus, drivers, index } = deps;

  const insertHosts = (
    clusterId: string,
    driver: ComputeDriver,
    found: readonly DriverHost[],
    input: { tags: string[]; dedicatedTenantId?: string | undefined },
    done: RecordSuccess,
  ) =>
    transactWithEvents(store, bus, async (tx, effects) => {
      const cluster = await clusterFor(tx, clusterId, driver);
      if (input.dedicatedTenantId !== undefined && !(await tx.get('tenants', input.dedicatedTenantId))) {
        throw new EcloudError('NOT_FOUND', `Tenant ${input.dedicatedTenantId} does not exist.`, {
          details: { tenantId: input.dedicatedTenantId },
        });
      }
      const added: Host[] = [];
      for (const one of found) {
        if (await tx.findOne('hosts', { driver: driver.name, ref: one.ref })) continue;
        const host = await tx.insert('hosts', hostRecord(cluster, driver, one, input));
        effects.emit({ type: 'host.registered', resourceType: 'host', resourceId: host.id, tenantId: null });
        effects.afterCommit(() => index.upsert(host));
        added.push(host);
      }
      await done(tx, added.length === 1 ? (added[0]?.id ?? null) : null, {
        driver: driver.name,
        registered: added.length,
      });
      return added;
    });

  return {
    register: (ctx, input) =>
      audited(store, ctx, resourceSubject(HOST_OPERATIONS.register, 'host', null), async (done) => {
        checkContext(ctx);
        await authorize(store, ctx, HOST_OPERATIONS.register, PLATFORM);
        const parsed = parseInput(RegisterHostInput, input, 'host registration');
        const driver = drivers.get(parsed.driver);
        const found = await callDriver(driver.name, () => driver.getHost(parsed.ref, quickCall()));
        if (await store.findOne('hosts', { driver: driver.name, ref: found.ref })) {
          throw new EcloudError(
            'ALREADY_EXISTS',
            `Host ${found.ref} of driver ${driver.name} is registered.`,
            {
              details: { driver: driver.name, ref: found.ref },
            },
          );
        }
        const [host] = await insertHosts(parsed.clusterId, driver, [found], parsed, done);
        if (!host) throw new EcloudError('CONFLICT', `Host ${found.ref} was registered concurrently.`);
        return host;
      }),
    discover: (ctx, input) =>
      audited(store, ctx, resourceSubject(HOST_OPERATIONS.discover, 'host', null), async (done) => {
        checkContext(ctx);
        await authorize(store, ctx, HOST_OPERATIONS.discover, PLATFORM);
        const parsed = parseInput(DiscoverHostsInput, input, 'host discovery');
        const driver = drivers.get(parsed.driver);
        const found = await callDriver(driver.name, () => driver.listHosts(quickCall()));
        const added: Host[] = [];
        // Batches keep each transaction short so other writers are not held up by a 5,000-host discovery.
        for (let start = 0; start < found.length; start += DISCOVER_BATCH) {
          added.push(
            ...(await insertHosts(
              parsed.clusterId,
              driver,
              found.slice(start, start + DISCOVER_BATCH),
              parsed,
              done,
            )),
          );
        }
        return added;
      }),
    async get(ctx, id) {
      checkContext(ctx);
      await authorize(store, ctx, HOST_OPERATIONS.get, PLATFORM);
      return requireRecord(store, 'hosts', String(id), 'Host');
    },
    async list(ctx, filter = {}) {
      checkContext(ctx);
      await authorize(store, ctx, HOST_OPERATIONS.list, PLATFORM);
      const { clusterId, ...page } = parseInput(HostFilter, filter, 'host filter');
      return listPage(store, 'hosts', clusterId === undefined ? {} : { clusterId }, page);
    },
    async update(ctx, id, input) {
      checkContext(ctx);
      const parsed = parseInput(UpdateHostInput, input, 'host update');
      const subject = resourceSubject(HOST_OPERATIONS.update, 'host', String(id));
      return audited(store, ctx, subject, (done) =>
        transactWithEvents(store, bus, async (tx, effects) => {
          await authorize(tx, ctx, HOST_OPERATIONS.update, PLATFORM);
          const host = await requireRecord(tx, 'hosts', String(id), 'Host');
          if (parsed.dedicatedTenantId && !(await tx.get('tenants', parsed.dedicatedTenantId))) {
            throw new EcloudError('NOT_FOUND', `Tenant ${parsed.dedicatedTenantId} does not exist.`, {
              details: { tenantId: parsed.dedicatedTenantId },
            });
          }
          const updated = await tx.update('hosts', {
            ...host,
            ...(parsed.tags === undefined ? {} : { tags: parsed.tags }),
            ...(parsed.dedicatedTenantId === undefined
              ? {}
              : { dedicatedTenantId: parsed.dedicatedTenantId }),
          });
          effects.emit({ type: 'host.updated', resourceType: 'host', resourceId: host.id, tenantId: null });
          effects.afterCommit(() => index.upsert(updated));
          await done(tx, updated.id, parsed);
          return updated;
        }),
      );
    },
    async usage(ctx, id) {
      checkContext(ctx);
      await authorize(store, ctx, HOST_OPERATIONS.usage, PLATFORM);
      const host = await requireRecord(store, 'hosts', String(id), 'Host');
      const driver = drivers.get(host.driver);
      return callDriver(driver.name, () => driver.hostUsage(host.ref, quickCall()));
    },
    enterMaintenance: (ctx, id) => enterMaintenance(deps, ctx, id),
    exitMaintenance: (ctx, id) => exitMaintenance(deps, ctx, id),
  };
}
