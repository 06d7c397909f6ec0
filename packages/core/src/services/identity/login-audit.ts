import type { AuditEntryInput } from '../../identity/audit/audit-record.js';

/**
 * The audit record of one login attempt (R-SEC-3). An attempt on no known principal is `anonymous`:
 * the name tried is not recorded, since people type passwords into the name field.
 * @internal
 */
export function loginAuditEntry(
  principalId: string,
  outcome: AuditEntryInput['outcome'],
  directory?: string,
): AuditEntryInput {
  return {
    principal: { id: principalId, type: 'user' },
    action: 'session:login',
    resource: { type: 'principal', id: principalId === 'anonymous' ? null : principalId },
    scope: { kind: 'platform', id: null },
    outcome,
    source: {},
    ...(directory === undefined ? {} : { details: { directory } }),
  };
}
