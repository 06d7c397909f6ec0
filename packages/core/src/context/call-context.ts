import { z } from 'zod';
import { EcloudError } from '../errors/ecloud-error.js';
import { parseInput } from '../model/validate.js';

/** Who is calling. @public */
export interface Principal {
  readonly id: string;
  readonly type: 'user' | 'service' | 'system';
}

/**
 * The caller of every SDK operation. A context with a `tenantId` is scoped to that tenant: it sees and
 * touches only that tenant's resources, and a foreign id is `NOT_FOUND` (R-SEC-5). A context without
 * one acts on the platform. Role-based rights on top of this scope arrive with the identity service.
 * @public
 */
export interface CallContext {
  readonly principal: Principal;
  readonly tenantId?: string;
}

const CallContextSchema = z.object({
  principal: z.object({ id: z.string().min(1), type: z.enum(['user', 'service', 'system']) }),
  tenantId: z.string().min(1).optional(),
});

/** A platform-scoped context for code that operates the cloud itself. @public */
export function systemContext(principalId = 'system'): CallContext {
  return { principal: { id: principalId, type: 'system' } };
}

/** A context scoped to one tenant. @public */
export function tenantContext(tenantId: string, principalId: string): CallContext {
  return { principal: { id: principalId, type: 'user' }, tenantId };
}

/** Validates a context handed to a public entry point. @internal */
export function checkContext(ctx: unknown): CallContext {
  return parseInput(CallContextSchema, ctx, 'call context') as CallContext;
}

/** Throws `PERMISSION_DENIED` unless the context acts on the platform. @internal */
export function requirePlatform(ctx: CallContext, action: string): void {
  if (ctx.tenantId !== undefined) {
    throw new EcloudError('PERMISSION_DENIED', `A tenant-scoped caller may not ${action}.`, {
      details: { action, principal: ctx.principal.id },
    });
  }
}

/** Whether a record owned by `tenantId` is visible to the context. @internal */
export function canSee(ctx: CallContext, tenantId: string | null): boolean {
  return ctx.tenantId === undefined || ctx.tenantId === tenantId;
}
