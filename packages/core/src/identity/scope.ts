import { z } from 'zod';

/**
 * Where a role binding applies (分域, R-SEC-1): the whole platform, one domain and every tenant in it,
 * one tenant, or a single resource.
 * @public
 */
export const Scope = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('platform') }),
  z.strictObject({ kind: z.literal('domain'), id: z.string().min(1) }),
  z.strictObject({ kind: z.literal('tenant'), id: z.string().min(1) }),
  z.strictObject({ kind: z.literal('resource'), id: z.string().min(1) }),
]);
/** Where a role binding applies (the type of the {@link Scope} schema). @public */
export type Scope = z.infer<typeof Scope>;

/**
 * What an operation acts on, with its place in the hierarchy spelled out so that deciding whether a
 * binding covers it needs no lookup: a resource names its tenant and domain, a tenant its domain.
 * Resources of the platform (hosts, clusters) have no tenant; a tenant outside any domain has none.
 * @public
 */
export type AccessTarget =
  | { readonly kind: 'platform' }
  | { readonly kind: 'domain'; readonly domainId: string }
  | { readonly kind: 'tenant'; readonly tenantId: string; readonly domainId: string | null }
  | {
      readonly kind: 'resource';
      readonly resourceId: string;
      readonly tenantId: string | null;
      readonly domainId: string | null;
    };

/** Whether a binding on `scope` reaches `target`: the scope is the target or one of its ancestors. @public */
export function scopeCovers(scope: Scope, target: AccessTarget): boolean {
  switch (scope.kind) {
    case 'platform':
      return true;
    case 'domain':
      return target.kind !== 'platform' && target.domainId === scope.id;
    case 'tenant':
      return (target.kind === 'tenant' || target.kind === 'resource') && target.tenantId === scope.id;
    case 'resource':
      return target.kind === 'resource' && target.resourceId === scope.id;
  }
}
