import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOUD_OPERATIONS } from '../../src/cloud.js';
import type { CallContext } from '../../src/context/call-context.js';
import type { ErrorCode } from '../../src/errors/codes.js';
import { EcloudError } from '../../src/errors/ecloud-error.js';
import { BUILT_IN_ROLES } from '../../src/identity/built-in-roles.js';
import { type KnownPermission, PERMISSIONS } from '../../src/identity/permission-catalog.js';
import type { Instance } from '../../src/model/instance.js';
import type { JsonPage } from '../../src/model/page.js';
import type { Tenant } from '../../src/model/tenant.js';
import type { OperationRule } from '../../src/services/access/operation-rule.js';
import { type Fixture, makeFixture } from '../helpers/fixture.js';

// The permission matrix (R-SEC-1, R-SEC-2, R-SEC-5): every operation of the cloud's surface, called by
// each built-in role on a resource of the caller's own tenant and of a foreign one. What should happen
// is worked out from the operation's declared permission, the role's permissions and where the role is
// bound — never written down per cell — so the table below says only how to call each operation.

const AUDIT_KEY = generateKeyPairSync('ed25519')
  .privateKey.export({ type: 'pkcs8', format: 'pem' })
  .toString();

/** Where an operation acts, which decides whether a binding reaches it. */
type TargetKind =
  | 'tenant' // a tenant, or a resource in one: tenant roles reach their own tenant only
  | 'platform' // hosts, policies, identity, audit: only platform bindings reach it
  | 'domain' // a domain: the matrix binds nothing on domains, so only platform bindings reach it
  | 'shared'; // the catalog every tenant reads, and event streams: holding the right anywhere is enough

interface Matrix {
  readonly f: Fixture;
  readonly other: Tenant;
}

interface Scenario<P = unknown> {
  readonly target: TargetKind;
  /** The permission this call exercises, when the declaration lists several. */
  readonly permission?: KnownPermission;
  /** A caller without this right where the target is is told NOT_FOUND instead of PERMISSION_DENIED. */
  readonly hidden?: KnownPermission;
  /** A list that leaves out what the caller may not see when it holds the right somewhere else. */
  readonly listed?: true;
  /** The error an allowed caller meets after authorization passed (a state check, a duplicate). */
  readonly allowedAs?: ErrorCode;
  readonly prepare?: (m: Matrix, tenantId: string) => Promise<P>;
  readonly run: (m: Matrix, ctx: CallContext, p: P, tenantId: string) => Promise<unknown>;
  /** For lists: whether the result shows the prepared target. */
  readonly sees?: (result: unknown, p: P, tenantId: string) => boolean;
}

const scenario = <P>(s: Scenario<P>): Scenario => s as Scenario;

async function vm(m: Matrix, tenantId: string, extra: Record<string, unknown> = {}): Promise<Instance> {
  const handle = await m.f.cloud.instances.create(m.f.admin, {
    name: 'target',
    tenantId,
    offeringId: m.f.small.id,
    imageId: m.f.image.id,
    ...extra,
  });
  return handle.wait({ timeoutMs: 10_000 });
}

async function stoppedVm(m: Matrix, tenantId: string): Promise<Instance> {
  return vm(m, tenantId, { start: false });
}

async function dataVolume(m: Matrix, tenantId: string): Promise<{ instance: Instance; volumeId: string }> {
  const instance = await vm(m, tenantId, { dataDisks: [{ sizeGiB: 1 }] });
  const volumes = await m.f.cloud.volumes.list(m.f.admin, { instanceId: instance.id });
  const data = volumes.items.find((v) => v.role === 'data');
  return { instance, volumeId: data?.id ?? '' };
}

async function snapshotOf(m: Matrix, tenantId: string): Promise<{ instance: Instance; snapshotId: string }> {
  const instance = await stoppedVm(m, tenantId);
  const snapshot = await (await m.f.cloud.instances.snapshot(m.f.admin, instance.id, { name: 's1' })).wait();
  return { instance, snapshotId: snapshot.id };
}

async function user(m: Matrix): Promise<string> {
  const name = `u-${randomBytes(4).toString('hex')}`;
  return (await m.f.cloud.identity.principals.create(m.f.admin, { kind: 'user', name })).id;
}

async function serviceAccount(m: Matrix): Promise<string> {
  const name = `sa-${randomBytes(4).toString('hex')}`;
  return (await m.f.cloud.identity.principals.create(m.f.admin, { kind: 'serviceAccount', name })).id;
}

async function group(m: Matrix): Promise<string> {
  const name = `g-${randomBytes(4).toString('hex')}`;
  return (await m.f.cloud.identity.principals.create(m.f.admin, { kind: 'group', name })).id;
}

const ids = (result: unknown) => ((result as { items: { id: string }[] }).items ?? []).map((i) => i.id);
const unique = (prefix: string) => `${prefix}-${randomBytes(4).toString('hex')}`;

const SCENARIOS: Record<string, Scenario> = {
  // The catalog.
  'regions.create': scenario({
    target: 'platform',
    run: (m, ctx) => m.f.cloud.regions.create(ctx, { name: unique('r') }),
  }),
  'regions.get': scenario({
    target: 'shared',
    prepare: (m) => m.f.cloud.regions.create(m.f.admin, { name: unique('r') }),
    run: (m, ctx, p: { id: string }) => m.f.cloud.regions.get(ctx, p.id),
  }),
  'regions.list': scenario({ target: 'shared', run: (m, ctx) => m.f.cloud.regions.list(ctx) }),
  'datacenters.create': scenario({
    target: 'platform',
    run: (m, ctx) => m.f.cloud.datacenters.create(ctx, { name: unique('dc') }),
  }),
  'datacenters.get': scenario({
    target: 'shared',
    prepare: (m) => m.f.cloud.datacenters.list(m.f.admin).then((page) => page.items[0]?.id ?? ''),
    run: (m, ctx, id: string) => m.f.cloud.datacenters.get(ctx, id),
  }),
  'datacenters.list': scenario({ target: 'shared', run: (m, ctx) => m.f.cloud.datacenters.list(ctx) }),
  'clusters.create': scenario({
    target: 'platform',
    prepare: (m) => m.f.cloud.datacenters.list(m.f.admin).then((page) => page.items[0]?.id ?? ''),
    run: (m, ctx, datacenterId: string) =>
      m.f.cloud.clusters.create(ctx, { name: unique('c'), datacenterId, hypervisor: 'kvm' }),
  }),
  'clusters.get': scenario({
    target: 'platform',
    run: (m, ctx) => m.f.cloud.clusters.get(ctx, m.f.hosts[0]?.clusterId ?? ''),
  }),
  'clusters.list': scenario({ target: 'platform', run: (m, ctx) => m.f.cloud.clusters.list(ctx) }),
  'domains.create': scenario({
    target: 'platform',
    run: (m, ctx) => m.f.cloud.domains.create(ctx, { name: unique('d') }),
  }),
  'domains.get': scenario({
    target: 'domain',
    hidden: 'domain:read',
    run: (m, ctx) => m.f.cloud.domains.get(ctx, m.f.tenant.domainId),
  }),
  'domains.list': scenario({
    target: 'domain',
    run: (m, ctx) => m.f.cloud.domains.list(ctx),
    sees: (result, _p, _t) => ids(result).length > 0,
  }),
  'domains.update': scenario({
    target: 'domain',
    hidden: 'domain:read',
    run: (m, ctx) => m.f.cloud.domains.update(ctx, m.f.tenant.domainId, { description: 'matrix' }),
  }),
  'tenants.create': scenario({
    target: 'domain',
    run: (m, ctx) => m.f.cloud.tenants.create(ctx, { name: unique('t') }),
  }),
  'tenants.get': scenario({
    target: 'tenant',
    hidden: 'tenant:read',
    run: (m, ctx, _p, tenantId) => m.f.cloud.tenants.get(ctx, tenantId),
  }),
  'tenants.list': scenario({
    target: 'tenant',
    listed: true,
    run: (m, ctx) => m.f.cloud.tenants.list(ctx),
    sees: (result, _p, tenantId) => ids(result).includes(tenantId),
  }),
  'tenants.update': scenario({
    target: 'tenant',
    hidden: 'tenant:read',
    run: (m, ctx, _p, tenantId) => m.f.cloud.tenants.update(ctx, tenantId, { classification: 'internal' }),
  }),
  'images.create': scenario({
    target: 'platform',
    run: (m, ctx) =>
      m.f.cloud.images.create(ctx, { name: unique('i'), os: 'linux', sizeGiB: 1, hypervisors: ['kvm'] }),
  }),
  'images.get': scenario({ target: 'shared', run: (m, ctx) => m.f.cloud.images.get(ctx, m.f.image.id) }),
  'images.list': scenario({ target: 'shared', run: (m, ctx) => m.f.cloud.images.list(ctx) }),
  'offerings.create': scenario({
    target: 'platform',
    run: (m, ctx) =>
      m.f.cloud.offerings.create(ctx, { name: unique('o'), vcpus: 1, memoryMiB: 512, rootDiskGiB: 1 }),
  }),
  'offerings.get': scenario({
    target: 'shared',
    run: (m, ctx) => m.f.cloud.offerings.get(ctx, m.f.small.id),
  }),
  'offerings.list': scenario({ target: 'shared', run: (m, ctx) => m.f.cloud.offerings.list(ctx) }),

  // Hosts, scheduling, balancing, HA: the platform's.
  'hosts.register': scenario({
    target: 'platform',
    allowedAs: 'ALREADY_EXISTS',
    run: (m, ctx) =>
      m.f.cloud.hosts.register(ctx, {
        clusterId: m.f.hosts[0]?.clusterId ?? '',
        driver: 'sim',
        ref: m.f.hosts[0]?.ref ?? '',
      }),
  }),
  'hosts.discover': scenario({
    target: 'platform',
    run: (m, ctx) =>
      m.f.cloud.hosts.discover(ctx, { clusterId: m.f.hosts[0]?.clusterId ?? '', driver: 'sim' }),
  }),
  'hosts.get': scenario({
    target: 'platform',
    run: (m, ctx) => m.f.cloud.hosts.get(ctx, m.f.hosts[0]?.id ?? ''),
  }),
  'hosts.list': scenario({ target: 'platform', run: (m, ctx) => m.f.cloud.hosts.list(ctx) }),
  'hosts.update': scenario({
    target: 'platform',
    run: (m, ctx) => m.f.cloud.hosts.update(ctx, m.f.hosts[0]?.id ?? '', { tags: ['matrix'] }),
  }),
  'hosts.usage': scenario({
    target: 'platform',
    run: (m, ctx) => m.f.cloud.hosts.usage(ctx, m.f.hosts[0]?.id ?? ''),
  }),
  'hosts.enterMaintenance': scenario({
    target: 'platform',
    run: async (m, ctx) => {
      const host = m.f.hosts[1]?.id ?? '';
      await (await m.f.cloud.hosts.enterMaintenance(ctx, host)).wait({ timeoutMs: 10_000 });
      await m.f.cloud.hosts.exitMaintenance(m.f.admin, host);
    },
  }),
  'hosts.exitMaintenance': scenario({
    target: 'platform',
    prepare: async (m) => {
      const host = m.f.hosts[1]?.id ?? '';
      await (await m.f.cloud.hosts.enterMaintenance(m.f.admin, host)).wait({ timeoutMs: 10_000 });
      return host;
    },
    run: async (m, ctx, host: string) => {
      try {
        await m.f.cloud.hosts.exitMaintenance(ctx, host);
      } catch (error) {
        await m.f.cloud.hosts.exitMaintenance(m.f.admin, host);
        throw error;
      }
    },
  }),
  'scheduler.policy': scenario({ target: 'platform', run: (m, ctx) => m.f.cloud.scheduler.policy(ctx) }),
  'scheduler.setPolicy': scenario({
    target: 'platform',
    run: (m, ctx) => m.f.cloud.scheduler.setPolicy(ctx, { placement: 'fill' }),
  }),
  'scheduler.setClusterLimits': scenario({
    target: 'platform',
    run: (m, ctx) => m.f.cloud.scheduler.setClusterLimits(ctx, m.f.hosts[0]?.clusterId ?? '', {}),
  }),
  'scheduler.explain': scenario({
    target: 'platform',
    run: (m, ctx, _p, tenantId) =>
      m.f.cloud.scheduler.explain(ctx, {
        name: 'x',
        tenantId,
        offeringId: m.f.small.id,
        imageId: m.f.image.id,
      }),
  }),
  'balancer.plan': scenario({ target: 'platform', run: (m, ctx) => m.f.cloud.balancer.plan(ctx) }),
  'balancer.execute': scenario({
    target: 'platform',
    run: (m, ctx) =>
      m.f.cloud.balancer.execute(ctx, { moves: [], imbalanceBefore: 0, imbalanceAfter: 0 } as never),
  }),
  'ha.tick': scenario({ target: 'platform', run: (m, ctx) => m.f.cloud.ha.tick(ctx) }),

  // Instances and what hangs off them: the tenant's.
  'instances.create': scenario({
    target: 'tenant',
    hidden: 'tenant:read',
    run: async (m, ctx, _p, tenantId) =>
      (
        await m.f.cloud.instances.create(ctx, {
          name: 'new',
          tenantId,
          offeringId: m.f.small.id,
          imageId: m.f.image.id,
        })
      ).wait({ timeoutMs: 10_000 }),
  }),
  'instances.get': scenario({
    target: 'tenant',
    hidden: 'instance:read',
    prepare: vm,
    run: (m, ctx, p: Instance) => m.f.cloud.instances.get(ctx, p.id),
  }),
  'instances.list': scenario({
    target: 'tenant',
    hidden: 'instance:read',
    prepare: vm,
    run: (m, ctx, _p, tenantId) => m.f.cloud.instances.list(ctx, { tenantId }),
    sees: (result, p: Instance) => ids(result).includes(p.id),
  }),
  'instances.listJson': scenario({
    target: 'tenant',
    hidden: 'instance:read',
    prepare: vm,
    run: (m, ctx, _p, tenantId) => m.f.cloud.instances.listJson(ctx, { tenantId }),
    sees: (result, p: Instance) => (result as JsonPage).items.includes(p.id),
  }),
  'instances.update': scenario({
    target: 'tenant',
    hidden: 'instance:read',
    prepare: vm,
    run: (m, ctx, p: Instance) => m.f.cloud.instances.update(ctx, p.id, { description: 'renamed' }),
  }),
  ...Object.fromEntries(
    (
      [
        ['start', stoppedVm],
        ['stop', vm],
        ['reboot', vm],
        ['suspend', vm],
        ['delete', vm],
      ] as const
    ).map(([verb, prepare]) => [
      `instances.${verb}`,
      scenario({
        target: 'tenant',
        hidden: 'instance:read',
        prepare,
        run: async (m, ctx, p: Instance) =>
          (await m.f.cloud.instances[verb](ctx, p.id)).wait({ timeoutMs: 10_000 }),
      }),
    ]),
  ),
  'instances.resume': scenario({
    target: 'tenant',
    hidden: 'instance:read',
    prepare: async (m, tenantId) => {
      const instance = await vm(m, tenantId);
      await (await m.f.cloud.instances.suspend(m.f.admin, instance.id)).wait();
      return instance;
    },
    run: async (m, ctx, p: Instance) =>
      (await m.f.cloud.instances.resume(ctx, p.id)).wait({ timeoutMs: 10_000 }),
  }),
  'instances.resize': scenario({
    target: 'tenant',
    hidden: 'instance:read',
    prepare: stoppedVm,
    run: async (m, ctx, p: Instance) =>
      (await m.f.cloud.instances.resize(ctx, p.id, { offeringId: m.f.large.id })).wait({ timeoutMs: 10_000 }),
  }),
  'instances.attachDisk': scenario({
    target: 'tenant',
    hidden: 'instance:read',
    prepare: vm,
    run: async (m, ctx, p: Instance) =>
      (await m.f.cloud.instances.attachDisk(ctx, p.id, { sizeGiB: 1 })).wait({ timeoutMs: 10_000 }),
  }),
  'instances.detachDisk': scenario({
    target: 'tenant',
    hidden: 'instance:read',
    prepare: dataVolume,
    run: async (m, ctx, p: { instance: Instance; volumeId: string }) =>
      (await m.f.cloud.instances.detachDisk(ctx, p.instance.id, p.volumeId)).wait({ timeoutMs: 10_000 }),
  }),
  'instances.migrate': scenario({
    target: 'tenant',
    hidden: 'instance:read',
    prepare: vm,
    run: async (m, ctx, p: Instance) =>
      (await m.f.cloud.instances.migrate(ctx, p.id)).wait({ timeoutMs: 10_000 }),
  }),
  'instances.clone': scenario({
    target: 'tenant',
    hidden: 'instance:read',
    prepare: stoppedVm,
    run: async (m, ctx, p: Instance) =>
      (await m.f.cloud.instances.clone(ctx, p.id, { name: 'copy' })).wait({ timeoutMs: 10_000 }),
  }),
  'instances.snapshot': scenario({
    target: 'tenant',
    hidden: 'instance:read',
    prepare: stoppedVm,
    run: async (m, ctx, p: Instance) =>
      (await m.f.cloud.instances.snapshot(ctx, p.id, { name: 's' })).wait({ timeoutMs: 10_000 }),
  }),
  'instances.listSnapshots': scenario({
    target: 'tenant',
    hidden: 'instance:read',
    prepare: snapshotOf,
    run: (m, ctx, p: { instance: Instance; snapshotId: string }) =>
      m.f.cloud.instances.listSnapshots(ctx, p.instance.id),
    sees: (result, p: { instance: Instance; snapshotId: string }) => ids(result).includes(p.snapshotId),
  }),
  'instances.revertSnapshot': scenario({
    target: 'tenant',
    hidden: 'instance:read',
    prepare: snapshotOf,
    run: async (m, ctx, p: { instance: Instance; snapshotId: string }) =>
      (await m.f.cloud.instances.revertSnapshot(ctx, p.instance.id, p.snapshotId)).wait({
        timeoutMs: 10_000,
      }),
  }),
  'instances.deleteSnapshot': scenario({
    target: 'tenant',
    hidden: 'instance:read',
    prepare: snapshotOf,
    run: async (m, ctx, p: { instance: Instance; snapshotId: string }) =>
      (await m.f.cloud.instances.deleteSnapshot(ctx, p.instance.id, p.snapshotId)).wait({
        timeoutMs: 10_000,
      }),
  }),
  'volumes.get': scenario({
    target: 'tenant',
    hidden: 'volume:read',
    prepare: dataVolume,
    run: (m, ctx, p: { volumeId: string }) => m.f.cloud.volumes.get(ctx, p.volumeId),
  }),
  'volumes.list': scenario({
    target: 'tenant',
    hidden: 'volume:read',
    prepare: dataVolume,
    run: (m, ctx, _p, tenantId) => m.f.cloud.volumes.list(ctx, { tenantId }),
    sees: (result, p: { volumeId: string }) => ids(result).includes(p.volumeId),
  }),
  'volumes.delete': scenario({
    target: 'tenant',
    hidden: 'volume:read',
    prepare: async (m, tenantId) => {
      const { instance, volumeId } = await dataVolume(m, tenantId);
      await (await m.f.cloud.instances.detachDisk(m.f.admin, instance.id, volumeId)).wait();
      return volumeId;
    },
    run: async (m, ctx, volumeId: string) =>
      (await m.f.cloud.volumes.delete(ctx, volumeId)).wait({ timeoutMs: 10_000 }),
  }),
  'placementGroups.create': scenario({
    target: 'tenant',
    hidden: 'tenant:read',
    run: (m, ctx, _p, tenantId) =>
      m.f.cloud.placementGroups.create(ctx, { name: unique('pg'), tenantId, policy: 'affinity' }),
  }),
  ...Object.fromEntries(
    (['get', 'delete'] as const).map((verb) => [
      `placementGroups.${verb}`,
      scenario({
        target: 'tenant',
        hidden: 'placementGroup:read',
        prepare: (m, tenantId) =>
          m.f.cloud.placementGroups.create(m.f.admin, { name: unique('pg'), tenantId, policy: 'affinity' }),
        run: (m, ctx, p: { id: string }) => m.f.cloud.placementGroups[verb](ctx, p.id),
      }),
    ]),
  ),
  'placementGroups.list': scenario({
    target: 'tenant',
    hidden: 'placementGroup:read',
    prepare: (m, tenantId) =>
      m.f.cloud.placementGroups.create(m.f.admin, { name: unique('pg'), tenantId, policy: 'affinity' }),
    run: (m, ctx, _p, tenantId) => m.f.cloud.placementGroups.list(ctx, { tenantId }),
    sees: (result, p: { id: string }) => ids(result).includes(p.id),
  }),
  ...Object.fromEntries(
    (['get', 'handle'] as const).map((verb) => [
      `jobs.${verb}`,
      scenario({
        target: 'tenant',
        hidden: 'job:read',
        prepare: async (m, tenantId) => (await vm(m, tenantId)).id,
        run: async (m, ctx, instanceId: string) => {
          const [job] = (await m.f.cloud.jobs.list(m.f.admin, { resourceId: instanceId })).items;
          return m.f.cloud.jobs[verb](ctx, job?.id ?? '');
        },
      }),
    ]),
  ),
  'jobs.list': scenario({
    target: 'tenant',
    hidden: 'job:read',
    prepare: async (m, tenantId) => (await vm(m, tenantId)).id,
    run: (m, ctx, _p, tenantId) => m.f.cloud.jobs.list(ctx, { tenantId, limit: 1000 }),
    sees: (result, instanceId: string) =>
      (result as { items: { resourceId: string }[] }).items.some((job) => job.resourceId === instanceId),
  }),
  'jobs.cancel': scenario({
    target: 'tenant',
    hidden: 'job:read',
    // The job has finished, so a caller allowed to cancel meets the state check.
    allowedAs: 'ILLEGAL_STATE',
    prepare: async (m, tenantId) => (await vm(m, tenantId)).id,
    run: async (m, ctx, instanceId: string) => {
      const [job] = (await m.f.cloud.jobs.list(m.f.admin, { resourceId: instanceId })).items;
      return m.f.cloud.jobs.cancel(ctx, job?.id ?? '');
    },
  }),
  'events.list': scenario({
    target: 'tenant',
    hidden: 'event:read',
    prepare: vm,
    run: (m, ctx, _p, tenantId) => m.f.cloud.events.list(ctx, { tenantId, limit: 1000 }),
    sees: (result, p: Instance) =>
      (result as { items: { resourceId: string }[] }).items.some((event) => event.resourceId === p.id),
  }),
  'events.subscribe': scenario({
    target: 'shared',
    run: async (m, ctx) => (await m.f.cloud.events.subscribe(ctx, () => undefined))(),
  }),
  'quotas.get': scenario({
    target: 'tenant',
    hidden: 'tenant:read',
    run: (m, ctx, _p, tenantId) => m.f.cloud.quotas.get(ctx, tenantId),
  }),
  'quotas.set': scenario({
    target: 'platform',
    run: (m, ctx, _p, tenantId) => m.f.cloud.quotas.set(ctx, tenantId, { instances: 1000 }),
  }),

  // Identity: the security administrator's, on the platform.
  'identity.principals.create': scenario({
    target: 'platform',
    permission: 'user:create',
    run: (m, ctx) => m.f.cloud.identity.principals.create(ctx, { kind: 'user', name: unique('u') }),
  }),
  'identity.principals.get': scenario({
    target: 'platform',
    prepare: user,
    run: (m, ctx, id: string) => m.f.cloud.identity.principals.get(ctx, id),
  }),
  'identity.principals.list': scenario({
    target: 'platform',
    run: (m, ctx) => m.f.cloud.identity.principals.list(ctx),
  }),
  'identity.principals.setState': scenario({
    target: 'platform',
    prepare: user,
    run: (m, ctx, id: string) => m.f.cloud.identity.principals.setState(ctx, id, 'disabled'),
  }),
  'identity.principals.setPassword': scenario({
    target: 'platform',
    prepare: user,
    run: (m, ctx, id: string) => m.f.cloud.identity.principals.setPassword(ctx, id, 'Matrix-Password-42'),
  }),
  'identity.principals.delete': scenario({
    target: 'platform',
    permission: 'user:delete',
    prepare: user,
    run: (m, ctx, id: string) => m.f.cloud.identity.principals.delete(ctx, id),
  }),
  'identity.principals.addMember': scenario({
    target: 'platform',
    prepare: async (m) => ({ group: await group(m), user: await user(m) }),
    run: (m, ctx, p: { group: string; user: string }) =>
      m.f.cloud.identity.principals.addMember(ctx, p.group, p.user),
  }),
  'identity.principals.removeMember': scenario({
    target: 'platform',
    prepare: async (m) => {
      const p = { group: await group(m), user: await user(m) };
      await m.f.cloud.identity.principals.addMember(m.f.admin, p.group, p.user);
      return p;
    },
    run: (m, ctx, p: { group: string; user: string }) =>
      m.f.cloud.identity.principals.removeMember(ctx, p.group, p.user),
  }),
  'identity.roles.builtIn': scenario({
    target: 'platform',
    run: (m, ctx) => m.f.cloud.identity.roles.builtIn(ctx),
  }),
  'identity.roles.get': scenario({
    target: 'platform',
    run: (m, ctx) => m.f.cloud.identity.roles.get(ctx, 'role-operator'),
  }),
  'identity.roles.list': scenario({
    target: 'platform',
    run: (m, ctx) => m.f.cloud.identity.roles.list(ctx),
  }),
  'identity.roles.create': scenario({
    target: 'platform',
    run: (m, ctx) =>
      m.f.cloud.identity.roles.create(ctx, { name: unique('role'), permissions: ['instance:read'] }),
  }),
  'identity.roles.delete': scenario({
    target: 'platform',
    prepare: (m) =>
      m.f.cloud.identity.roles.create(m.f.admin, { name: unique('role'), permissions: ['instance:read'] }),
    run: (m, ctx, p: { id: string }) => m.f.cloud.identity.roles.delete(ctx, p.id),
  }),
  'identity.roles.update': scenario({
    target: 'platform',
    prepare: (m) =>
      m.f.cloud.identity.roles.create(m.f.admin, { name: unique('role'), permissions: ['instance:read'] }),
    run: (m, ctx, p: { id: string }) => m.f.cloud.identity.roles.update(ctx, p.id, { description: 'matrix' }),
  }),
  'identity.bindings.grant': scenario({
    target: 'platform',
    prepare: user,
    run: (m, ctx, principalId: string, tenantId) =>
      m.f.cloud.identity.bindings.grant(ctx, {
        principalId,
        roleId: 'role-tenant-member',
        scope: { kind: 'tenant', id: tenantId },
      }),
  }),
  'identity.bindings.revoke': scenario({
    target: 'platform',
    prepare: async (m, tenantId) =>
      m.f.cloud.identity.bindings.grant(m.f.admin, {
        principalId: await user(m),
        roleId: 'role-tenant-member',
        scope: { kind: 'tenant', id: tenantId },
      }),
    run: (m, ctx, p: { id: string }) => m.f.cloud.identity.bindings.revoke(ctx, p.id),
  }),
  'identity.bindings.list': scenario({
    target: 'platform',
    run: (m, ctx) => m.f.cloud.identity.bindings.list(ctx),
  }),
  'identity.apiKeys.create': scenario({
    target: 'platform',
    prepare: serviceAccount,
    run: (m, ctx, id: string) => m.f.cloud.identity.apiKeys.create(ctx, id),
  }),
  'identity.apiKeys.revoke': scenario({
    target: 'platform',
    prepare: async (m) => m.f.cloud.identity.apiKeys.create(m.f.admin, await serviceAccount(m)),
    run: (m, ctx, p: { keyId: string }) => m.f.cloud.identity.apiKeys.revoke(ctx, p.keyId),
  }),
  'identity.passwordPolicy': scenario({
    target: 'platform',
    run: (m, ctx) => m.f.cloud.identity.passwordPolicy(ctx),
  }),

  // Audit: the audit administrator's.
  'identity.setPasswordPolicy': scenario({
    target: 'platform',
    run: (m, ctx) => m.f.cloud.identity.setPasswordPolicy(ctx, { minLength: 12 }),
  }),
  'audit.list': scenario({ target: 'platform', run: (m, ctx) => m.f.cloud.audit.list(ctx) }),
  'audit.verify': scenario({ target: 'platform', run: (m, ctx) => m.f.cloud.audit.verify(ctx) }),
  'audit.checkpoint': scenario({ target: 'platform', run: (m, ctx) => m.f.cloud.audit.checkpoint(ctx) }),
  'audit.export': scenario({
    target: 'platform',
    run: async (m, ctx) => {
      const records = [];
      for await (const record of await m.f.cloud.audit.export(ctx)) records.push(record);
      return records;
    },
  }),
};

/** Every operation of an object, by dotted path, with the value found there in the declarations. */
function walk(surface: object, rules: object, prefix = ''): Array<{ path: string; rule: unknown }> {
  const found: Array<{ path: string; rule: unknown }> = [];
  for (const [key, value] of Object.entries(surface)) {
    const path = `${prefix}${key}`;
    const rule = (rules as Record<string, unknown>)[key];
    if (typeof value === 'function') found.push({ path, rule });
    else if (typeof value === 'object' && value !== null)
      found.push(...walk(value, (rule as object) ?? {}, `${path}.`));
  }
  return found;
}

/** What is not an operation: the event bus, the start-up report, and closing the cloud itself. */
const NOT_OPERATIONS = new Set(['bus', 'startup', 'close']);

const isPermissionRule = (rule: OperationRule): rule is KnownPermission | readonly KnownPermission[] =>
  typeof rule === 'string' || Array.isArray(rule);

function declaredPermissions(rule: OperationRule): readonly KnownPermission[] {
  if (typeof rule === 'string') return [rule];
  return Array.isArray(rule) ? (rule as readonly KnownPermission[]) : [];
}

type Bound = { readonly roleId: string; readonly platform: boolean };

const ROLES: readonly Bound[] = BUILT_IN_ROLES.map((role) => ({
  roleId: role.id,
  platform: !role.id.startsWith('role-tenant-'),
}));

type Outcome = 'allowed' | 'hidden' | ErrorCode;

/** What the declarations say a role bound where it is gets, calling on its own or a foreign tenant. */
function expected(s: Scenario, permission: KnownPermission, bound: Bound, side: 'own' | 'foreign'): Outcome {
  const role = BUILT_IN_ROLES.find((r) => r.id === bound.roleId);
  const has = (p: KnownPermission) => role?.permissions.includes(p) === true;
  const scoped = (p: KnownPermission) => PERMISSIONS[p].level === 'scoped';
  const reaches = (p: KnownPermission) =>
    has(p) &&
    (bound.platform ||
      (scoped(p) && s.target === 'shared') ||
      (scoped(p) && s.target === 'tenant' && side === 'own'));
  if (reaches(permission)) return s.allowedAs ?? 'allowed';
  if (s.listed && has(permission) && (bound.platform || scoped(permission))) return 'hidden';
  if (s.hidden && !reaches(s.hidden)) return 'NOT_FOUND';
  return 'PERMISSION_DENIED';
}

async function observe(s: Scenario, m: Matrix, ctx: CallContext, tenantId: string): Promise<Outcome> {
  const prepared = s.prepare ? await s.prepare(m, tenantId) : undefined;
  try {
    const result = await s.run(m, ctx, prepared, tenantId);
    return !s.sees || s.sees(result, prepared, tenantId) ? 'allowed' : 'hidden';
  } catch (error) {
    if (EcloudError.is(error)) return error.code;
    throw error;
  }
}

const operations = walk(
  await (async () => {
    const f = await makeFixture();
    const surface = { ...f.cloud };
    await f.cloud.close();
    for (const name of NOT_OPERATIONS) delete (surface as Record<string, unknown>)[name];
    return surface;
  })(),
  CLOUD_OPERATIONS,
);

describe('the permission matrix', () => {
  it('finds a declared rule for every operation of the cloud, and a scenario for every guarded one', () => {
    const undeclared = operations.filter((op) => op.rule === undefined).map((op) => op.path);
    expect(undeclared).toEqual([]);
    const guarded = operations
      .filter((op) => isPermissionRule(op.rule as OperationRule))
      .map((op) => op.path);
    expect(guarded.filter((path) => !(path in SCENARIOS))).toEqual([]);
    expect(Object.keys(SCENARIOS).filter((path) => !guarded.includes(path))).toEqual([]);
    expect(operations.length).toBeGreaterThan(90);
  });

  it('checks every declared permission in some operation: none is declared and never used', () => {
    const used = new Set(operations.flatMap((op) => declaredPermissions(op.rule as OperationRule)));
    expect(Object.keys(PERMISSIONS).filter((p) => !used.has(p as KnownPermission))).toEqual([]);
  });

  for (const op of operations.filter((o) => isPermissionRule(o.rule as OperationRule))) {
    const s = SCENARIOS[op.path];
    if (!s) continue;
    describe(op.path, () => {
      let m: Matrix;
      const callers = new Map<string, CallContext>();
      beforeAll(async () => {
        const f = await makeFixture({
          cloud: {
            ha: { enabled: false },
            identity: { apiKeyEncryptionKey: randomBytes(32) },
            audit: { signingKey: { id: 'matrix', privateKey: AUDIT_KEY } },
          },
        });
        m = { f, other: await f.cloud.tenants.create(f.admin, { name: 'other' }) };
        for (const bound of ROLES) {
          const scope = bound.platform
            ? ({ kind: 'platform' } as const)
            : ({ kind: 'tenant', id: f.tenant.id } as const);
          callers.set(bound.roleId, await f.caller(bound.roleId, scope));
        }
      });
      afterAll(async () => m?.f.cloud.close());
      const permission = s.permission ?? declaredPermissions(op.rule as OperationRule)[0];
      for (const bound of ROLES) {
        for (const side of ['own', 'foreign'] as const) {
          const want = permission && expected(s, permission, bound, side);
          it(`${bound.roleId} on a${side === 'own' ? 'n own' : ' foreign'} tenant: ${want}`, async () => {
            const ctx = callers.get(bound.roleId);
            if (!ctx || !permission) throw new Error('no caller or permission');
            const tenantId = side === 'own' ? m.f.tenant.id : m.other.id;
            expect(await observe(s, m, ctx, tenantId)).toBe(want);
          });
        }
      }
    });
  }
});
