import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { z } from 'zod';
import { type CallContext, checkContext } from './context/call-context.js';
import { EcloudError, toEcloudError } from './errors/ecloud-error.js';
import { CloudEventBus } from './events/event-bus.js';
import { HaManager, type HaTickReport } from './ha/ha-manager.js';
import { LeaseKeeper } from './ha/lease-keeper.js';
import type { Authenticator } from './identity/authenticator.js';
import { TokenIssuer, type TokenKey } from './identity/authn/bearer-token.js';
import {
  definePasswordPolicy,
  PasswordPolicy,
  type PasswordPolicyInput,
} from './identity/authn/password-policy.js';
import { Scope } from './identity/scope.js';
import { jobHandle } from './jobs/job-handle.js';
import { type CloseReport, JobRunner } from './jobs/job-runner.js';
import { type ReconcileReport, reconcileJobs } from './jobs/reconciler.js';
import type { Cluster } from './model/cluster.js';
import { DEFAULT_DOMAIN_ID } from './model/domain.js';
import { type CloudEvent, EventFilter } from './model/event.js';
import type { Page } from './model/page.js';
import { parseInput } from './model/validate.js';
import { CapacityIndex } from './scheduler/capacity-index.js';
import { hostCapacity } from './scheduler/host-capacity.js';
import { DEFAULT_SCHEDULER_POLICY, SchedulerPolicy, type SchedulerPolicyInput } from './scheduler/policy.js';
import { attachIdentityCache, DEFAULT_IDENTITY_CACHE_MS } from './services/access/identity-cache.js';
import type { OperationTable, OperationTree } from './services/access/operation-rule.js';
import { listTenant } from './services/access/record-access.js';
import { subscribeVisible } from './services/access/visible-events.js';
import {
  AUDIT_OPERATIONS,
  type AuditService,
  type AuditSigningKeyOption,
  createAuditService,
} from './services/audit/audit-service.js';
import { auditedAfter, resourceSubject } from './services/audit/audit-trail.js';
import {
  BALANCING_OPERATIONS,
  type BalancingService,
  createBalancingService,
} from './services/balancing-service.js';
import { CATALOG_OPERATIONS, type Catalog, createCatalog } from './services/catalog.js';
import { quickCall } from './services/driver-call.js';
import { maintenanceHandler } from './services/host-maintenance.js';
import { createHostService, HOST_OPERATIONS, type HostService } from './services/host-service.js';
import type { ExternalDirectory } from './services/identity/external-login.js';
import { authorize, PLATFORM } from './services/identity/identity-guard.js';
import {
  createIdentityService,
  IDENTITY_OPERATIONS,
  type IdentityService,
} from './services/identity/identity-service.js';
import {
  createInstanceService,
  type InstanceService,
  instanceHandlers,
} from './services/instance-service.js';
import { failoverHandler } from './services/instances/failover-instance.js';
import { INSTANCE_OPERATIONS } from './services/instances/instance-rights.js';
import { cancelJob, createJobService, JOB_OPERATIONS, type JobService } from './services/job-service.js';
import {
  createPlacementGroupService,
  PLACEMENT_GROUP_OPERATIONS,
  type PlacementGroupService,
} from './services/placement-group-service.js';
import { createQuotaService, QUOTA_OPERATIONS, type QuotaService } from './services/quota/quota-service.js';
import {
  createSchedulerService,
  resizeHosts,
  SCHEDULER_OPERATIONS,
  type SchedulerService,
} from './services/scheduler-service.js';
import type { ServiceDeps } from './services/service-deps.js';
import {
  createVolumeService,
  deleteVolumeHandler,
  VOLUME_OPERATIONS,
  type VolumeService,
} from './services/volume-service.js';
import type { ComputeDriver } from './spi/compute-driver.js';
import { DriverRegistry } from './spi/driver-registry.js';
import { allRecords } from './store/all-records.js';
import { createSqliteStore } from './store/sqlite/sqlite-store.js';
import type { Store } from './store/store.js';

/** Options of {@link createCloud}. @public */
export interface CloudOptions {
  /** The store; by default SQLite in `./.ecloud/ecloud.db`, the embedded default. */
  readonly store?: Store;
  /** One compute driver per hypervisor endpoint, each with a unique name. */
  readonly drivers: readonly ComputeDriver[];
  /** This management process's id; jobs it starts are its own to reconcile. Default: host name. */
  readonly nodeId?: string;
  /** How many jobs run at once in this process (default 64). */
  readonly jobConcurrency?: number;
  /** Receives failures that have no caller to throw to (a rollback that could not be persisted). */
  readonly onError?: (error: EcloudError, context: string) => void;
  /** Placement policy at start (R-SCHED-2); `cloud.scheduler.setPolicy` changes it later. */
  readonly scheduler?: { readonly policy?: SchedulerPolicyInput };
  /**
   * Identity (R-SEC-1): the password policy local users' passwords are held to, and the keys bearer
   * tokens are signed with (the first signs, all verify). Without keys a random one is made per
   * process: its tokens do not outlive it and no other process accepts them — give every management
   * process the same keys.
   */
  readonly identity?: {
    readonly passwordPolicy?: PasswordPolicyInput;
    readonly tokenKeys?: readonly TokenKey[];
    readonly tokenTtlMs?: number;
    /**
     * The 32-byte key that seals API-key secrets in the store (AES-256-GCM). Keep it out of the store;
     * without it no API key can be made.
     */
    readonly apiKeyEncryptionKey?: Buffer;
    /** External directories users log in through (LDAP, ...), with the roles their groups give. */
    readonly directories?: readonly ExternalDirectory[];
    /**
     * How long a principal's state and grants read for a request may be reused (default 1000 ms; 0 reads
     * them on every call). A change made through this cloud clears them at once; this bounds how long a
     * change made by another process sharing the store goes unseen here.
     */
    readonly cacheMs?: number;
  };
  /**
   * The audit log (R-SEC-3): the Ed25519 key (PEM) that signs checkpoints of the chain's head. Keep it
   * away from the store, or a forger with the database could sign its own head.
   */
  readonly audit?: { readonly signingKey?: AuditSigningKeyOption };
  /**
   * Host HA (R-HA-1, R-HA-2): on by default, a heartbeat round every 5 s, a host fenced after 3 missed
   * rounds. `enabled: false` leaves rounds to `cloud.ha.tick()`.
   */
  readonly ha?: {
    readonly enabled?: boolean;
    readonly heartbeatIntervalMs?: number;
    readonly missedHeartbeats?: number;
  };
}

/** Host HA as SDK callers drive it. @public */
export interface HaService {
  /** Runs one heartbeat round now (`ha:tick`); rounds never overlap. */
  tick(ctx: CallContext): Promise<HaTickReport>;
}

const CloudOptionsSchema = z.object({
  store: z
    .custom<Store>((v) => typeof v === 'object' && v !== null && 'transaction' in v, 'must be a Store')
    .optional(),
  drivers: z.array(z.custom<ComputeDriver>((v) => typeof v === 'object' && v !== null, 'must be a driver')),
  nodeId: z.string().min(1).max(128).optional(),
  jobConcurrency: z.number().int().min(1).max(10_000).optional(),
  onError: z.custom<(error: EcloudError, context: string) => void>((v) => typeof v === 'function').optional(),
  scheduler: z.strictObject({ policy: SchedulerPolicy.default(DEFAULT_SCHEDULER_POLICY) }).optional(),
  identity: z
    .strictObject({
      passwordPolicy: PasswordPolicy.optional(),
      tokenKeys: z
        .array(z.object({ id: z.string(), secret: z.instanceof(Buffer) }))
        .min(1)
        .optional(),
      tokenTtlMs: z.number().int().positive().optional(),
      cacheMs: z.number().int().min(0).max(60_000).optional(),
      apiKeyEncryptionKey: z
        .instanceof(Buffer)
        .refine((key) => key.length === 32, { message: 'must be 32 bytes' })
        .optional(),
      directories: z
        .array(
          z.object({
            authenticator: z.custom<Authenticator>(
              (v) => typeof v === 'object' && v !== null && 'authenticate' in v && 'name' in v,
              'must be an Authenticator',
            ),
            groupRoles: z
              .record(z.string(), z.array(z.object({ roleId: z.string().min(1), scope: Scope })))
              .optional(),
          }),
        )
        .refine((list) => new Set(list.map((d) => d.authenticator.name)).size === list.length, {
          message: 'directory names must be unique',
        })
        .optional(),
    })
    .default({}),
  audit: z
    .strictObject({
      signingKey: z.strictObject({ id: z.string().min(1).max(64), privateKey: z.string().min(1) }).optional(),
    })
    .default({}),
  ha: z
    .strictObject({
      enabled: z.boolean().default(true),
      heartbeatIntervalMs: z.number().int().min(100).max(600_000).default(5000),
      missedHeartbeats: z.number().int().min(1).max(100).default(3),
    })
    .default({ enabled: true, heartbeatIntervalMs: 5000, missedHeartbeats: 3 }),
});

/** The event log and the live stream of events. @public */
export interface EventService {
  /** One page of persisted events the caller may see, oldest first. */
  list(ctx: CallContext, filter?: EventFilter): Promise<Page<CloudEvent>>;
  /**
   * Hears every new event the caller may see, in order; resolves with the unsubscribe function. What
   * the caller may see is re-read whenever a role, binding, membership or principal changes.
   */
  subscribe(ctx: CallContext, listener: (event: CloudEvent) => void): Promise<() => void>;
}

/** Options of {@link Cloud.close}. @public */
export interface CloseOptions {
  /**
   * How long running jobs may take to end, in milliseconds (0 to 1 hour). Left out, close waits for
   * them without bound. Given, jobs still waiting for a slot are left queued at once; running jobs that
   * have not ended by the last tenth of the grace (at most 2 s) are aborted through their signal and
   * stop at their next step boundary; a driver call that has not returned when the grace is over is
   * given up on. Every job so stopped is *checkpointed*: kept as last persisted — its completed steps
   * journaled, `queued` or `running`, owned by this `nodeId` — which is what the next start's
   * reconciliation finishes (runs a queued job; resumes or rolls back a running one, as after a crash).
   */
  readonly graceMs?: number;
}

const CloseOptionsSchema = z.strictObject({
  graceMs: z.number().int().min(0).max(3_600_000).optional(),
});

/**
 * The SDK's face: one object per management process, holding the store, the drivers and the services.
 * @public
 */
export interface Cloud extends Catalog {
  readonly hosts: HostService;
  readonly instances: InstanceService;
  readonly volumes: VolumeService;
  readonly jobs: JobService;
  readonly events: EventService;
  readonly scheduler: SchedulerService;
  readonly placementGroups: PlacementGroupService;
  readonly balancer: BalancingService;
  readonly ha: HaService;
  /** Users, groups, service accounts, roles and bindings (R-SEC-1, R-SEC-2). */
  readonly identity: IdentityService;
  /** The tamper-evident audit log: read, verify, checkpoint (R-SEC-3). */
  readonly audit: AuditService;
  /** Tenant quotas, checked in the same transaction as every reservation (R-SEC-7). */
  readonly quotas: QuotaService;
  /** The typed bus: job progress, job completion and every persisted event. */
  readonly bus: CloudEventBus;
  /** What the start-up reconciliation did. */
  readonly startup: ReconcileReport;
  /**
   * Stops host HA, stops taking jobs, waits for running jobs (up to `graceMs`, then checkpoints the
   * rest: see {@link CloseOptions}), then closes drivers and the store. Answers which jobs ended and
   * which are left for the next start with the same `nodeId`. A bad option is `INVALID_ARGUMENT`,
   * before anything is closed.
   */
  close(options?: CloseOptions): Promise<CloseReport>;
}

/** Makes the default domain, which tenants created without a domain go into, if it does not exist. */
async function ensureDefaultDomain(store: Store): Promise<void> {
  await store.transaction(async (tx) => {
    if (await tx.get('domains', DEFAULT_DOMAIN_ID)) return;
    await tx.insert('domains', { id: DEFAULT_DOMAIN_ID, name: 'default', description: '', state: 'active' });
  });
}

function defaultStore(): Store {
  return createSqliteStore({ filename: '.ecloud/ecloud.db' });
}

/**
 * Rebuilds the scheduler's view from the store, and finishes a change of cluster limits that a process
 * died in the middle of (hosts whose capacity is not what their cluster's ratios give).
 */
async function loadIndex(store: Store, index: CapacityIndex): Promise<void> {
  for await (const datacenter of allRecords(store, 'datacenters')) index.upsertDatacenter(datacenter);
  const clusters: Cluster[] = [];
  for await (const cluster of allRecords(store, 'clusters')) {
    index.upsertCluster(cluster);
    clusters.push(cluster);
  }
  const stale = new Set<string>();
  for await (const host of allRecords(store, 'hosts')) {
    index.upsert(host);
    const cluster = index.cluster(host.clusterId);
    const capacity = cluster && hostCapacity(host, cluster.overcommit);
    if (
      capacity &&
      (capacity.vcpus !== host.capacity.vcpus || capacity.memoryMiB !== host.capacity.memoryMiB)
    ) {
      stale.add(host.clusterId);
    }
  }
  for (const cluster of clusters) if (stale.has(cluster.id)) await resizeHosts({ store, index }, cluster);
}

/** The right each event operation checks, on the event's tenant (the platform's for its own). */
const EVENT_OPERATIONS = {
  list: 'event:read',
  subscribe: 'event:read',
} as const satisfies OperationTable<EventService>;

/** The right each HA operation checks. */
const HA_OPERATIONS = { tick: 'ha:tick' } as const satisfies OperationTable<HaService>;

function eventService(deps: ServiceDeps): EventService {
  return {
    async list(ctx, filter = {}) {
      checkContext(ctx);
      const { tenantId, resourceId, limit, cursor } = parseInput(EventFilter, filter, 'event filter');
      const scope = await listTenant(deps.store, ctx, EVENT_OPERATIONS.list, tenantId);
      return deps.store.listEvents({
        limit,
        ...(cursor === undefined ? {} : { after: cursor }),
        ...(resourceId === undefined ? {} : { resourceId }),
        ...(scope === undefined ? {} : { tenantId: scope }),
      });
    },
    async subscribe(ctx, listener) {
      checkContext(ctx);
      return subscribeVisible(deps, ctx, EVENT_OPERATIONS.subscribe, listener);
    },
  };
}

/**
 * The right every operation of the cloud's surface checks, mirroring its shape; the permission matrix
 * test walks the cloud and fails on an operation missing here.
 * @internal
 */
export const CLOUD_OPERATIONS = {
  ...CATALOG_OPERATIONS,
  hosts: HOST_OPERATIONS,
  instances: INSTANCE_OPERATIONS,
  volumes: VOLUME_OPERATIONS,
  jobs: JOB_OPERATIONS,
  events: EVENT_OPERATIONS,
  scheduler: SCHEDULER_OPERATIONS,
  placementGroups: PLACEMENT_GROUP_OPERATIONS,
  balancer: BALANCING_OPERATIONS,
  ha: HA_OPERATIONS,
  identity: IDENTITY_OPERATIONS,
  audit: AUDIT_OPERATIONS,
  quotas: QUOTA_OPERATIONS,
} as const satisfies OperationTree<Omit<Cloud, 'bus' | 'startup' | 'close'>>;

/**
 * Creates a cloud: checks the drivers, migrates the store, connects the drivers, rebuilds the capacity
 * index and reconciles jobs left unfinished by an earlier process with the same `nodeId`.
 * @public
 */
export async function createCloud(options: CloudOptions): Promise<Cloud> {
  const parsed = parseInput(CloudOptionsSchema, options, 'cloud options');
  const drivers = new DriverRegistry(parsed.drivers as ComputeDriver[]);
  const store = (parsed.store as Store | undefined) ?? defaultStore();
  const nodeId = parsed.nodeId ?? hostname();
  const onError =
    (parsed.onError as CloudOptions['onError']) ??
    ((error: EcloudError, context: string) =>
      process.emitWarning(`${context}: ${error.code} ${error.message}`, 'EcloudWarning'));
  const bus = new CloudEventBus();
  attachIdentityCache(store, bus, parsed.identity.cacheMs ?? DEFAULT_IDENTITY_CACHE_MS);
  const runner = new JobRunner({
    store,
    bus,
    nodeId,
    concurrency: parsed.jobConcurrency ?? 64,
    onError: (error, context) => onError(toEcloudError(error), context),
  });
  const directories = (parsed.identity.directories ?? []) as readonly ExternalDirectory[];
  const index = new CapacityIndex(parsed.scheduler?.policy ?? DEFAULT_SCHEDULER_POLICY);
  const deps: ServiceDeps = {
    store,
    bus,
    drivers,
    runner,
    index,
    handle: (job, result) =>
      jobHandle({ store, bus, runner, cancel: async (id) => cancelJob(deps, await jobOf(id)) }, job, result),
  };
  const jobOf = async (id: string) => {
    const job = await store.get('jobs', id);
    if (!job) throw new EcloudError('NOT_FOUND', `Job ${id} does not exist.`, { details: { id } });
    return job;
  };
  for (const handler of [
    ...instanceHandlers(deps),
    deleteVolumeHandler(deps),
    maintenanceHandler(deps),
    failoverHandler(deps),
  ]) {
    runner.register(handler);
  }
  await store.migrate();
  for (const driver of drivers.all()) {
    try {
      await driver.connect(quickCall());
    } catch (error) {
      throw toEcloudError(error, 'DRIVER_UNAVAILABLE', { driver: driver.name });
    }
  }
  await ensureDefaultDomain(store);
  await loadIndex(store, index);
  const startup = await reconcileJobs({ store, runner, drivers, nodeId });
  const ha = new HaManager(
    deps,
    new LeaseKeeper(store, 'ha-manager', nodeId, 3 * parsed.ha.heartbeatIntervalMs),
    parsed.ha,
  );
  if (parsed.ha.enabled) ha.start((error) => onError(toEcloudError(error), 'host HA round'));
  return {
    ...createCatalog(deps),
    hosts: createHostService(deps),
    instances: createInstanceService(deps),
    volumes: createVolumeService(deps),
    jobs: createJobService(deps),
    events: eventService(deps),
    scheduler: createSchedulerService(deps),
    placementGroups: createPlacementGroupService(deps),
    balancer: createBalancingService(deps),
    identity: createIdentityService(
      deps,
      parsed.identity.passwordPolicy ?? definePasswordPolicy(),
      new TokenIssuer({
        keys: parsed.identity.tokenKeys ?? [{ id: 'process', secret: randomBytes(32) }],
        ...(parsed.identity.tokenTtlMs === undefined ? {} : { ttlMs: parsed.identity.tokenTtlMs }),
      }),
      directories,
      parsed.identity.apiKeyEncryptionKey,
    ),
    audit: createAuditService(deps, parsed.audit.signingKey),
    quotas: createQuotaService(deps),
    ha: {
      async tick(ctx) {
        checkContext(ctx);
        return auditedAfter(store, ctx, resourceSubject(HA_OPERATIONS.tick, 'haRound', null), async () => {
          await authorize(store, ctx, HA_OPERATIONS.tick, PLATFORM);
          return ha.tick();
        });
      },
    },
    bus,
    startup,
    async close(options = {}) {
      const { graceMs } = parseInput(CloseOptionsSchema, options, 'close options');
      await ha.stop();
      const report = await runner.close(graceMs === undefined ? {} : { graceMs });
      await Promise.allSettled(drivers.all().map((driver) => driver.close()));
      await Promise.allSettled(directories.map((directory) => directory.authenticator.close()));
      await store.close();
      return report;
    },
  };
}
