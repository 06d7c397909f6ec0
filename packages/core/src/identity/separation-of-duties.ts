import { EcloudError } from '../errors/ecloud-error.js';
import type { Duty } from './permission.js';

/**
 * Refuses a change that would leave one principal holding two of the three duties (三员管理,
 * R-SEC-2): `held` are the duties the principal has now (through its own bindings and its groups'),
 * `added` those the change would give it. Enforced, not advised: a binding, a group membership or a
 * role change that breaks it does not happen.
 * @internal
 */
export function assertSeparatedDuties(
  principalId: string,
  held: Iterable<Duty>,
  added: Iterable<Duty>,
): void {
  const duties = new Set([...held, ...added]);
  if (duties.size <= 1) return;
  const sorted = [...duties].sort();
  throw new EcloudError(
    'PERMISSION_DENIED',
    `Principal ${principalId} would hold the ${sorted.join(' and ')} duties; the three-admin model allows one.`,
    { details: { reason: 'separation-of-duties', principalId, duties: sorted } },
  );
}

/**
 * Refuses a grant to oneself, directly or through a group one belongs to: rights come from someone
 * else, so no administrator can widen its own (R-SEC-2).
 * @internal
 */
export function assertNotSelfGrant(
  granterId: string,
  granteeId: string,
  granterGroupIds: ReadonlySet<string>,
): void {
  if (granterId !== granteeId && !granterGroupIds.has(granteeId)) return;
  throw new EcloudError(
    'PERMISSION_DENIED',
    'No one may grant a role to themselves or to a group they belong to.',
    {
      details: { reason: 'self-grant', principalId: granterId, granteeId },
    },
  );
}
