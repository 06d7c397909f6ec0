import { EcloudError } from '../../errors/ecloud-error.js';
import type { Instance } from '../../model/instance.js';
import { QUOTA_RESOURCES, type Quota, type QuotaAmounts } from '../../model/quota.js';
import type { Volume } from '../../model/volume.js';
import { allRecords } from '../../store/all-records.js';
import type { StoreSession } from '../../store/store.js';

/** No resource at all. @internal */
export function noAmounts(): QuotaAmounts {
  return { instances: 0, vcpus: 0, memoryMiB: 0, volumes: 0, storageGiB: 0, networks: 0, publicIps: 0 };
}

/** No limit on any resource. @internal */
export function noLimits(): Quota['limits'] {
  return Object.fromEntries(QUOTA_RESOURCES.map((r) => [r, null])) as Quota['limits'];
}

/** What an instance and its disks count against their tenant's quota. @internal */
export function instanceAmounts(
  instance: Pick<Instance, 'vcpus' | 'memoryMiB'>,
  volumes: readonly Pick<Volume, 'sizeGiB'>[],
): Partial<QuotaAmounts> {
  return {
    instances: 1,
    vcpus: instance.vcpus,
    memoryMiB: instance.memoryMiB,
    volumes: volumes.length,
    storageGiB: volumes.reduce((sum, v) => sum + v.sizeGiB, 0),
  };
}

/**
 * What a tenant uses, counted from its instances and volumes: when its first limit is set, so that what
 * it had before counts. Walks the tenant's own records by index.
 * @internal
 */
export async function countUsage(tx: StoreSession, tenantId: string): Promise<QuotaAmounts> {
  const used = noAmounts();
  for await (const instance of allRecords(tx, 'instances', { tenantId })) {
    used.instances += 1;
    used.vcpus += instance.vcpus;
    used.memoryMiB += instance.memoryMiB;
  }
  for await (const volume of allRecords(tx, 'volumes', { tenantId })) {
    used.volumes += 1;
    used.storageGiB += volume.sizeGiB;
  }
  return used;
}

/**
 * The tenant's quota record, made (no limits, usage counted) if it has none. A tenant that never had a
 * limit has no record, and its reservations pay nothing for quotas.
 * @internal
 */
export async function quotaRecord(tx: StoreSession, tenantId: string): Promise<Quota> {
  const held = await tx.get('quotas', tenantId);
  if (held) return held;
  return tx.insert('quotas', { id: tenantId, limits: noLimits(), used: await countUsage(tx, tenantId) });
}

/**
 * Counts `amounts` against the tenant's quota inside the transaction that reserves them, or throws
 * `QUOTA_EXCEEDED` naming every resource that would go over (R-SEC-7). The quota record is written in
 * the same transaction, so two requests racing for the last unit cannot both pass.
 * @internal
 */
export function chargeQuota(
  tx: StoreSession,
  tenantId: string,
  amounts: Partial<QuotaAmounts>,
): Promise<void> {
  return moveQuota(tx, tenantId, amounts, 1);
}

/** Gives `amounts` back to the tenant's quota, in the transaction that releases them. @internal */
export function releaseQuota(
  tx: StoreSession,
  tenantId: string,
  amounts: Partial<QuotaAmounts>,
): Promise<void> {
  return moveQuota(tx, tenantId, amounts, -1);
}

async function moveQuota(
  tx: StoreSession,
  tenantId: string,
  amounts: Partial<QuotaAmounts>,
  sign: 1 | -1,
): Promise<void> {
  const quota = await tx.get('quotas', tenantId);
  if (!quota) return;
  if (sign === 1) assertWithin(quota, amounts);
  await tx.update('quotas', { ...quota, used: shifted(quota.used, amounts, sign) });
}

function assertWithin(quota: Quota, amounts: Partial<QuotaAmounts>): void {
  const exceeded = [];
  for (const resource of QUOTA_RESOURCES) {
    const want = amounts[resource] ?? 0;
    const limit = quota.limits[resource] ?? null;
    const used = quota.used[resource] ?? 0;
    if (want > 0 && limit !== null && used + want > limit)
      exceeded.push({ resource, limit, used, requested: want });
  }
  if (exceeded.length === 0) return;
  const names = exceeded.map((e) => e.resource).join(', ');
  throw new EcloudError(
    'QUOTA_EXCEEDED',
    `The request would exceed tenant ${quota.id}'s quota of ${names}.`,
    {
      details: { tenantId: quota.id, exceeded },
    },
  );
}

function shifted(used: Quota['used'], amounts: Partial<QuotaAmounts>, sign: 1 | -1): Quota['used'] {
  const next = { ...used };
  for (const resource of QUOTA_RESOURCES)
    next[resource] = Math.max(0, (used[resource] ?? 0) + sign * (amounts[resource] ?? 0));
  return next;
}
