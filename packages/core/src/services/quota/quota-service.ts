import { type CallContext, checkContext } from '../../context/call-context.js';
import { EcloudError } from '../../errors/ecloud-error.js';
import { transactWithEvents } from '../../events/outbox.js';
import { type Quota, QuotaLimits } from '../../model/quota.js';
import { parseInput } from '../../model/validate.js';
import type { StoreSession } from '../../store/store.js';
import type { OperationTable } from '../access/operation-rule.js';
import { getVisible } from '../access/record-access.js';
import { audited } from '../audit/audit-trail.js';
import { authorize, PLATFORM } from '../identity/identity-guard.js';
import type { ServiceDeps } from '../service-deps.js';
import { countUsage, noLimits, quotaRecord } from './quota-ledger.js';

/** Tenant quotas (R-SEC-7). @public */
export interface QuotaService {
  /** A tenant's limits and usage; a tenant the caller may not see is NOT_FOUND. */
  get(ctx: CallContext, tenantId: string): Promise<Quota>;
  /**
   * Sets some of a tenant's limits (null lifts one); what is left out keeps its limit. A limit below
   * what the tenant already uses is allowed: it only stops new requests. Needs `quota:update`.
   */
  set(ctx: CallContext, tenantId: string, limits: QuotaLimits): Promise<Quota>;
}

/** The quota of a tenant that never had a limit: none set, usage counted now, nothing stored. */
async function unlimited(tx: StoreSession, tenantId: string): Promise<Quota> {
  const now = new Date().toISOString();
  return {
    id: tenantId,
    version: 0,
    createdAt: now,
    updatedAt: now,
    limits: noLimits(),
    used: await countUsage(tx, tenantId),
  };
}

/** The right each quota operation checks: reading on the tenant, setting on the platform. @internal */
export const QUOTA_OPERATIONS = {
  get: 'quota:read',
  set: 'quota:update',
} as const satisfies OperationTable<QuotaService>;

/** Builds the quota service. @internal */
export function createQuotaService(deps: ServiceDeps): QuotaService {
  const { store, bus } = deps;
  const tenantOf = async (tenantId: string) => {
    const tenant = await store.get('tenants', tenantId);
    if (!tenant)
      throw new EcloudError('NOT_FOUND', `Tenant ${tenantId} does not exist.`, { details: { tenantId } });
    return tenant;
  };
  return {
    async get(ctx, tenantId) {
      checkContext(ctx);
      await getVisible(store, ctx, 'tenants', String(tenantId), 'Tenant', QUOTA_OPERATIONS.get);
      return store.transaction(
        async (tx) => (await tx.get('quotas', String(tenantId))) ?? unlimited(tx, String(tenantId)),
      );
    },

    async set(ctx, tenantId, limits) {
      checkContext(ctx);
      const parsed = parseInput(QuotaLimits, limits, 'quota limits');
      const target = { kind: 'tenant', tenantId: String(tenantId), domainId: null } as const;
      const subject = {
        action: QUOTA_OPERATIONS.set,
        resource: { type: 'quota', id: String(tenantId) },
        target,
      };
      return audited(store, ctx, subject, async (done) => {
        await authorize(store, ctx, QUOTA_OPERATIONS.set, PLATFORM);
        await tenantOf(String(tenantId));
        return transactWithEvents(store, bus, async (tx, effects) => {
          const quota = await quotaRecord(tx, String(tenantId));
          const limits = { ...quota.limits };
          for (const [resource, limit] of Object.entries(parsed) as [
            keyof Quota['limits'],
            number | null | undefined,
          ][])
            if (limit !== undefined) limits[resource] = limit;
          const updated = await tx.update('quotas', { ...quota, limits });
          effects.emit({
            type: 'quota.updated',
            resourceType: 'quota',
            resourceId: quota.id,
            tenantId: quota.id,
          });
          await done(tx, quota.id, { limits: parsed });
          return updated;
        });
      });
    },
  };
}
