import { type CallContext, checkContext } from '../../context/call-context.js';
import { EcloudError } from '../../errors/ecloud-error.js';
import { transactWithEvents } from '../../events/outbox.js';
import { hashPassword } from '../../identity/authn/password-hash.js';
import {
  checkPasswordHistory,
  checkPasswordStrength,
  nextHistory,
  type PasswordPolicy,
} from '../../identity/authn/password-policy.js';
import type { KnownPermission } from '../../identity/permission-catalog.js';
import {
  CreatePrincipalInput,
  type Membership,
  type Principal,
  PrincipalFilter,
  type PrincipalKind,
} from '../../identity/principal.js';
import { dutiesOf } from '../../identity/role.js';
import { assertNotSelfGrant, assertSeparatedDuties } from '../../identity/separation-of-duties.js';
import { newId } from '../../model/ids.js';
import type { Page } from '../../model/page.js';
import { parseInput } from '../../model/validate.js';
import { allRecords } from '../../store/all-records.js';
import type { StoreSession } from '../../store/store.js';
import type { OperationTable } from '../access/operation-rule.js';
import { type AuditSubject, audited } from '../audit/audit-trail.js';
import { listPage, type ServiceDeps } from '../service-deps.js';
import { dutiesHeld, grantsOf, groupIdsOf } from './grants.js';
import { authorize, PLATFORM } from './identity-guard.js';
import { currentPasswordPolicy } from './password-policies.js';

/** Users, groups and service accounts, and who is in which group (R-SEC-1). @public */
export interface PrincipalService {
  /** Creates a principal; a local user may be given a first password, checked against the policy. */
  create(ctx: CallContext, input: CreatePrincipalInput): Promise<Principal>;
  /** Reads one principal; NOT_FOUND if it does not exist. */
  get(ctx: CallContext, id: string): Promise<Principal>;
  /** One page of principals, oldest first. */
  list(ctx: CallContext, filter?: PrincipalFilter): Promise<Page<Principal>>;
  /** Disables (no login, no rights) or enables a principal. */
  setState(ctx: CallContext, id: string, state: Principal['state']): Promise<Principal>;
  /** Sets a local user's password, checked against the policy and its history; clears a lockout. */
  setPassword(ctx: CallContext, id: string, password: string): Promise<void>;
  /** Deletes a principal with its bindings, memberships and credentials. Nobody deletes themselves. */
  delete(ctx: CallContext, id: string): Promise<void>;
  /** Puts a user in a group: the group's bindings apply to it — refused if that gives it a second duty. */
  addMember(ctx: CallContext, groupId: string, userId: string): Promise<Membership>;
  /** Takes a user out of a group, and with it the group's rights. */
  removeMember(ctx: CallContext, groupId: string, userId: string): Promise<void>;
}

const RIGHT: Record<PrincipalKind, { create: KnownPermission; delete: KnownPermission }> = {
  user: { create: 'user:create', delete: 'user:delete' },
  group: { create: 'group:create', delete: 'group:delete' },
  serviceAccount: { create: 'serviceAccount:create', delete: 'serviceAccount:delete' },
};

async function principalOf(session: StoreSession, id: string, kind?: PrincipalKind): Promise<Principal> {
  const found = await session.get('principals', id);
  if (!found || (kind !== undefined && found.kind !== kind)) {
    throw new EcloudError('NOT_FOUND', `${kind ?? 'Principal'} ${id} does not exist.`, { details: { id } });
  }
  return found;
}

/** The rights principal operations check, on the platform. @internal */
export const PRINCIPAL_OPERATIONS = {
  create: ['user:create', 'group:create', 'serviceAccount:create'],
  get: 'user:read',
  list: 'user:read',
  setState: 'user:update',
  setPassword: 'user:update',
  delete: ['user:delete', 'group:delete', 'serviceAccount:delete'],
  addMember: 'group:update',
  removeMember: 'group:update',
} as const satisfies OperationTable<PrincipalService>;

/** Builds the principal service. @internal */
export function createPrincipalService(deps: ServiceDeps, configured: PasswordPolicy): PrincipalService {
  const { store, bus } = deps;
  return {
    async create(ctx, input) {
      checkContext(ctx);
      const parsed = parseInput(CreatePrincipalInput, input, 'principal input');
      return audited(store, ctx, subject(RIGHT[parsed.kind].create), async (done) => {
        await authorize(store, ctx, RIGHT[parsed.kind].create, PLATFORM);
        if (parsed.password !== undefined && parsed.kind !== 'user') {
          throw new EcloudError('INVALID_ARGUMENT', 'Only users log in with a password.', {
            details: { issues: [{ path: 'password', message: 'users only' }] },
          });
        }
        const policy = await currentPasswordPolicy(store, configured);
        if (parsed.password !== undefined)
          checkPasswordStrength(policy, parsed.password, { username: parsed.name });
        // Hashed before the transaction: scrypt takes a tenth of a second, far too long to hold the writer.
        const hash = parsed.password === undefined ? undefined : await hashPassword(parsed.password);
        return transactWithEvents(store, bus, async (tx, effects) => {
          const principal = await tx.insert('principals', {
            id: newId('principal'),
            kind: parsed.kind,
            name: parsed.name,
            displayName: parsed.displayName ?? parsed.name,
            email: parsed.email ?? null,
            state: 'active',
            source: 'local',
            externalId: null,
          });
          if (hash !== undefined) {
            await tx.insert('credentials', {
              id: principal.id,
              passwordHash: hash,
              history: nextHistory(policy, hash, []),
              failures: 0,
              lockedUntil: null,
            });
          }
          effects.emit({
            type: 'principal.created',
            resourceType: 'principal',
            resourceId: principal.id,
            tenantId: null,
          });
          await done(tx, principal.id, { kind: principal.kind, name: principal.name });
          return principal;
        });
      });
    },

    async get(ctx, id) {
      checkContext(ctx);
      await authorize(store, ctx, 'user:read', PLATFORM);
      return principalOf(store, String(id));
    },

    async list(ctx, filter = {}) {
      checkContext(ctx);
      const { kind, ...page } = parseInput(PrincipalFilter, filter, 'principal filter');
      await authorize(store, ctx, 'user:read', PLATFORM);
      return listPage(store, 'principals', kind === undefined ? {} : { kind }, page);
    },

    async setState(ctx, id, state) {
      checkContext(ctx);
      if (state !== 'active' && state !== 'disabled') {
        throw new EcloudError('INVALID_ARGUMENT', 'Invalid state: must be active or disabled.', {
          details: { issues: [{ path: 'state', message: 'active or disabled' }] },
        });
      }
      return audited(store, ctx, subject('user:update', String(id)), (done) =>
        transactWithEvents(store, bus, async (tx, effects) => {
          await authorize(tx, ctx, 'user:update', PLATFORM);
          if (ctx.principal.id === id) throw selfChange('change the state of');
          const principal = await principalOf(tx, String(id));
          const updated = await tx.update('principals', { ...principal, state });
          effects.emit({
            type: `principal.${state}`,
            resourceType: 'principal',
            resourceId: principal.id,
            tenantId: null,
          });
          await done(tx, principal.id, { state });
          return updated;
        }),
      );
    },

    async setPassword(ctx, id, password) {
      checkContext(ctx);
      await audited(store, ctx, subject('user:update', String(id)), async (done) => {
        await authorize(store, ctx, 'user:update', PLATFORM);
        const user = await principalOf(store, String(id), 'user');
        const policy = await currentPasswordPolicy(store, configured);
        checkPasswordStrength(policy, password, { username: user.name });
        const held = await store.get('credentials', user.id);
        await checkPasswordHistory(policy, password, held?.history ?? []);
        const hash = await hashPassword(password);
        await transactWithEvents(store, bus, async (tx, effects) => {
          const current = await tx.get('credentials', user.id);
          const fields = {
            passwordHash: hash,
            history: nextHistory(policy, hash, current?.history ?? []),
            failures: 0,
            lockedUntil: null,
          };
          if (current) await tx.update('credentials', { ...current, ...fields });
          else await tx.insert('credentials', { id: user.id, ...fields });
          effects.emit({
            type: 'principal.password_set',
            resourceType: 'principal',
            resourceId: user.id,
            tenantId: null,
          });
          await done(tx, user.id, { password: 'set' });
        });
      });
    },

    async delete(ctx, id) {
      checkContext(ctx);
      await audited(store, ctx, subject('user:delete', String(id)), (done) =>
        transactWithEvents(store, bus, async (tx, effects) => {
          const principal = await principalOf(tx, String(id));
          await authorize(tx, ctx, RIGHT[principal.kind].delete, PLATFORM);
          if (ctx.principal.id === principal.id) throw selfChange('delete');
          await removeTraces(tx, principal.id);
          await tx.delete('principals', principal.id, principal.version);
          effects.emit({
            type: 'principal.deleted',
            resourceType: 'principal',
            resourceId: principal.id,
            tenantId: null,
          });
          await done(tx, principal.id, { kind: principal.kind, name: principal.name });
        }),
      );
    },

    async addMember(ctx, groupId, userId) {
      checkContext(ctx);
      return audited(store, ctx, subject('group:update', String(groupId)), (done) =>
        transactWithEvents(store, bus, async (tx, effects) => {
          await authorize(tx, ctx, 'group:update', PLATFORM);
          const group = await principalOf(tx, String(groupId), 'group');
          const user = await principalOf(tx, String(userId), 'user');
          // Joining a group is gaining its rights: no one adds themselves, or into a group they are in.
          assertNotSelfGrant(ctx.principal.id, user.id, new Set(await groupIdsOf(tx, ctx.principal.id)));
          const groupDuties = dutiesOf(
            (await grantsOf(tx, group.id)).flatMap((grant) => [...grant.permissions]),
          );
          assertSeparatedDuties(user.id, await dutiesHeld(tx, user.id), groupDuties);
          const membership = await tx.insert('memberships', {
            id: newId('membership'),
            groupId: group.id,
            userId: user.id,
          });
          effects.emit({
            type: 'group.member_added',
            resourceType: 'principal',
            resourceId: group.id,
            tenantId: null,
            data: { userId: user.id },
          });
          await done(tx, group.id, { userId: user.id });
          return membership;
        }),
      );
    },

    async removeMember(ctx, groupId, userId) {
      checkContext(ctx);
      await audited(store, ctx, subject('group:update', String(groupId)), (done) =>
        transactWithEvents(store, bus, async (tx, effects) => {
          await authorize(tx, ctx, 'group:update', PLATFORM);
          const membership = await tx.findOne('memberships', {
            groupId: String(groupId),
            userId: String(userId),
          });
          if (!membership) {
            throw new EcloudError('NOT_FOUND', `User ${userId} is not in group ${groupId}.`, {
              details: { groupId, userId },
            });
          }
          await tx.delete('memberships', membership.id, membership.version);
          effects.emit({
            type: 'group.member_removed',
            resourceType: 'principal',
            resourceId: membership.groupId,
            tenantId: null,
            data: { userId: membership.userId },
          });
          await done(tx, membership.groupId, { userId: membership.userId, removed: true });
        }),
      );
    },
  };
}

/** What an identity operation acts on, for its audit record: a principal on the platform. */
function subject(action: string, id: string | null = null): AuditSubject {
  return { action, resource: { type: 'principal', id }, target: PLATFORM };
}

function selfChange(what: string): EcloudError {
  return new EcloudError('PERMISSION_DENIED', `No one may ${what} their own account.`, {
    details: { reason: 'self-change' },
  });
}

/**
 * Removes what refers to a principal: its bindings, memberships (either side) and credentials. Deleting
 * while paging is safe: the pager's cursor is the last id it returned.
 */
async function removeTraces(tx: StoreSession, principalId: string): Promise<void> {
  for await (const binding of allRecords(tx, 'roleBindings', { principalId }))
    await tx.delete('roleBindings', binding.id, binding.version);
  for (const where of [{ userId: principalId }, { groupId: principalId }]) {
    for await (const membership of allRecords(tx, 'memberships', where))
      await tx.delete('memberships', membership.id, membership.version);
  }
  const credential = await tx.get('credentials', principalId);
  if (credential) await tx.delete('credentials', credential.id, credential.version);
}
