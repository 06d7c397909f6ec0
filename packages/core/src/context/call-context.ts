import { z } from 'zod';
import { AuditSource } from '../identity/audit/audit-record.js';
import { parseInput } from '../model/validate.js';

/** Who is calling. @public */
export interface Principal {
  readonly id: string;
  readonly type: 'user' | 'service' | 'system';
}

/**
 * The caller of every SDK operation. What it may do is what its principal's role bindings allow
 * (R-SEC-1; a `system` principal — the embedding program itself — may do everything). A context with a
 * `tenantId` is further narrowed to that tenant, as a portal session working in one project is: it never
 * reaches another tenant's records, whatever its principal holds, and a foreign id is `NOT_FOUND`
 * (R-SEC-5).
 * @public
 */
export interface CallContext {
  readonly principal: Principal;
  readonly tenantId?: string;
  /** Where the request came from, as the edge saw it; written into the audit record of every operation. */
  readonly source?: AuditSource;
}

const CallContextSchema = z.object({
  principal: z.object({ id: z.string().min(1), type: z.enum(['user', 'service', 'system']) }),
  tenantId: z.string().min(1).optional(),
  source: AuditSource.optional(),
});

/** A platform-scoped context for code that operates the cloud itself. @public */
export function systemContext(principalId = 'system'): CallContext {
  return { principal: { id: principalId, type: 'system' } };
}

/**
 * A user's context narrowed to one tenant. It grants nothing by itself: the user still needs a role
 * binding that reaches the tenant.
 * @public
 */
export function tenantContext(tenantId: string, principalId: string): CallContext {
  return { principal: { id: principalId, type: 'user' }, tenantId };
}

/** Validates a context handed to a public entry point. @internal */
export function checkContext(ctx: unknown): CallContext {
  return parseInput(CallContextSchema, ctx, 'call context') as CallContext;
}
