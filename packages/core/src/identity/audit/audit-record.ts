import { z } from 'zod';
import { EcloudError } from '../../errors/ecloud-error.js';
import { canonicalJson } from './canonical-json.js';

/** Largest `details` an audit entry may carry, in bytes of its canonical JSON. @public */
export const MAX_AUDIT_DETAILS_BYTES = 8192;

/**
 * The `prevHash` of the first record of a chain: 64 zeros, a value no SHA-256 digest of a record takes
 * in practice, so the genesis record cannot be mistaken for one that follows another.
 * @public
 */
export const GENESIS_HASH = '0'.repeat(64);

/** A SHA-256 digest as 64 lowercase hex digits, the form `digest('hex')` writes. @public */
export const Hex64 = z.string().regex(/^[0-9a-f]{64}$/, { message: 'must be 64 lowercase hex digits' });

/** Who acted: a person, a service account, or the platform itself (reconciler, HA manager). @public */
export const AuditPrincipal = z.strictObject({
  id: z.string().min(1).max(256),
  type: z.enum(['user', 'service', 'system']),
});
/** Who acted (the type of the {@link AuditPrincipal} schema). @public */
export type AuditPrincipal = z.infer<typeof AuditPrincipal>;

/**
 * Where the operation applied. `id` is null exactly for the platform scope, so that a record cannot
 * claim a tenant or domain scope without saying which.
 * @public
 */
export const AuditScope = z
  .strictObject({
    kind: z.enum(['platform', 'domain', 'tenant', 'resource']),
    id: z.string().min(1).max(256).nullable(),
  })
  .refine((scope) => (scope.kind === 'platform') === (scope.id === null), {
    message: 'id must be null for the platform scope and set for any other',
    path: ['id'],
  });
/** Where the operation applied (the type of the {@link AuditScope} schema). @public */
export type AuditScope = z.infer<typeof AuditScope>;

/** Where the request came from, as far as the caller knows it; every field may be missing. @public */
export const AuditSource = z.strictObject({
  // 45 characters hold any textual IPv6; the rest leaves room for a zone id.
  ip: z.string().min(1).max(64).optional(),
  userAgent: z.string().min(1).max(512).optional(),
  requestId: z.string().min(1).max(128).optional(),
});
/** Where the request came from (the type of the {@link AuditSource} schema). @public */
export type AuditSource = z.infer<typeof AuditSource>;

/**
 * Free-form facts of an entry: plain JSON of at most {@link MAX_AUDIT_DETAILS_BYTES} once
 * canonicalised. The parsed value is a deep copy in canonical form, so a caller who changes its own
 * object afterwards cannot change a record that is already hashed.
 * @public
 */
export const AuditDetails = z.record(z.string(), z.unknown()).transform((details, ctx) => {
  let json: string;
  try {
    json = canonicalJson(details);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: error instanceof Error ? error.message : 'is not JSON' });
    return z.NEVER;
  }
  if (Buffer.byteLength(json, 'utf8') > MAX_AUDIT_DETAILS_BYTES) {
    ctx.addIssue({ code: 'custom', message: `must be at most ${MAX_AUDIT_DETAILS_BYTES} bytes as JSON` });
    return z.NEVER;
  }
  return JSON.parse(json) as Record<string, unknown>;
});

/**
 * What a service hands in to be audited (R-SEC-3): who did what to which resource, in which scope,
 * with what outcome, from where. Strict: an unknown field is refused rather than silently left out of
 * the record. `action` is `<resource>:<verb>`, as in `instance:create`.
 * @public
 */
export const AuditEntryInput = z.strictObject({
  principal: AuditPrincipal,
  action: z
    .string()
    .max(128)
    .regex(/^[a-z][a-zA-Z]*:[a-z][a-zA-Z]*$/, { message: 'must look like resource:verb' }),
  resource: z.strictObject({
    type: z.string().min(1).max(64),
    id: z.string().min(1).max(256).nullable(),
  }),
  scope: AuditScope,
  outcome: z.enum(['allowed', 'denied', 'succeeded', 'failed']),
  source: AuditSource.default({}),
  details: AuditDetails.optional(),
});
/** What a service hands in to be audited, as callers write it (see the {@link AuditEntryInput} schema). @public */
export type AuditEntryInput = z.input<typeof AuditEntryInput>;

/**
 * One record of the audit log: the entry, its place in the chain (`seq`, from 1, without gaps), the
 * time it was written, the hash of the record before it ({@link GENESIS_HASH} for the first) and its own
 * hash over all of that. Records are never changed once written.
 * @public
 */
export const AuditRecord = AuditEntryInput.extend({
  seq: z.number().int().positive(),
  at: z.iso.datetime(),
  prevHash: Hex64,
  hash: Hex64,
});
/** One record of the audit log (the type of the {@link AuditRecord} schema). @public */
export type AuditRecord = z.output<typeof AuditRecord>;

/** A position in the chain: a record's `seq` and `hash`, as a checkpoint or a verification names it. @public */
export const AuditHead = z.strictObject({ seq: z.number().int().positive(), hash: Hex64 });
/** A position in the chain (the type of the {@link AuditHead} schema). @public */
export type AuditHead = z.infer<typeof AuditHead>;

/**
 * The `at` of a record or checkpoint: `at` as an ISO time in UTC. Throws `INVALID_ARGUMENT` for an
 * invalid date, which would otherwise throw a bare RangeError.
 * @internal
 */
export function auditTime(at: Date): string {
  if (!(at instanceof Date) || Number.isNaN(at.getTime())) {
    throw new EcloudError('INVALID_ARGUMENT', 'Invalid at: not a valid Date.');
  }
  return at.toISOString();
}
