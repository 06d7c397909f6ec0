import { EcloudError } from '../../errors/ecloud-error.js';
import { transactWithEvents } from '../../events/outbox.js';
import type { Authenticator, ExternalIdentity } from '../../identity/authenticator.js';
import type { Principal } from '../../identity/principal.js';
import { dutiesOf } from '../../identity/role.js';
import { scopeKey } from '../../identity/role-binding.js';
import type { Scope } from '../../identity/scope.js';
import { assertSeparatedDuties } from '../../identity/separation-of-duties.js';
import { newId } from '../../model/ids.js';
import { allRecords } from '../../store/all-records.js';
import type { StoreSession } from '../../store/store.js';
import { appendAudit } from '../audit/audit-trail.js';
import type { ServiceDeps } from '../service-deps.js';
import { resolveRole } from './grants.js';
import { loginAuditEntry } from './login-audit.js';

/** A role binding a directory group gives its members. @public */
export interface GroupRoleBinding {
  readonly roleId: string;
  readonly scope: Scope;
}

/**
 * An external identity system users log in through (R-SEC-4), and which role bindings each of its
 * groups gives. The cloud keeps those bindings in step with the directory at every login: a user who
 * left a group loses its roles the next time they log in.
 * @public
 */
export interface ExternalDirectory {
  readonly authenticator: Authenticator;
  readonly groupRoles?: Readonly<Record<string, readonly GroupRoleBinding[]>>;
}

/** How long a directory may take to answer one login. */
const LOGIN_TIMEOUT_MS = 30_000;

/** The principal name of a directory user: the directory's name, a dot, the user name made safe. */
function principalName(directory: string, username: string): string {
  return `${directory}.${username.replace(/[^A-Za-z0-9._-]/g, '_')}`.slice(0, 63);
}

/** The bindings the user's groups call for, each role checked to exist. */
async function wantedBindings(
  session: StoreSession,
  directory: ExternalDirectory,
  identity: ExternalIdentity,
): Promise<{ roleId: string; scope: Scope; permissions: readonly string[] }[]> {
  const wanted = [];
  for (const group of identity.groups) {
    for (const binding of directory.groupRoles?.[group] ?? []) {
      const role = await resolveRole(session, binding.roleId);
      if (!role) {
        throw new EcloudError(
          'ILLEGAL_STATE',
          `Directory group ${group} maps to unknown role ${binding.roleId}.`,
          {
            details: { directory: directory.authenticator.name, group, roleId: binding.roleId },
          },
        );
      }
      wanted.push({ roleId: role.id, scope: binding.scope, permissions: role.permissions });
    }
  }
  return wanted;
}

/** Finds the directory user's principal, or makes it on first login. */
async function directoryPrincipal(
  tx: StoreSession,
  source: string,
  identity: ExternalIdentity,
): Promise<Principal> {
  const known = await tx.findOne('principals', { source, externalId: identity.externalId });
  if (known) return known;
  return tx.insert('principals', {
    id: newId('principal'),
    kind: 'user',
    name: principalName(source, identity.username),
    displayName: identity.displayName ?? identity.username,
    email: identity.email ?? null,
    state: 'active',
    source,
    externalId: identity.externalId,
  });
}

/**
 * Brings the bindings a directory manages for a user (granted by `directory:<name>`) in line with what
 * its groups call for; bindings granted by people are left alone, but count towards the three-admin rule.
 */
async function syncBindings(
  tx: StoreSession,
  principal: Principal,
  grantor: string,
  wanted: readonly { roleId: string; scope: Scope; permissions: readonly string[] }[],
): Promise<void> {
  const wantedKeys = new Set(wanted.map((w) => `${w.roleId}@${scopeKey(w.scope)}`));
  const kept = new Set<string>();
  const otherPermissions: string[] = [];
  for await (const binding of allRecords(tx, 'roleBindings', { principalId: principal.id })) {
    const key = `${binding.roleId}@${binding.scopeKey}`;
    if (binding.grantedBy !== grantor) {
      otherPermissions.push(...((await resolveRole(tx, binding.roleId))?.permissions ?? []));
    } else if (wantedKeys.has(key)) kept.add(key);
    else await tx.delete('roleBindings', binding.id, binding.version);
  }
  assertSeparatedDuties(
    principal.id,
    dutiesOf(otherPermissions),
    dutiesOf(wanted.flatMap((w) => w.permissions)),
  );
  for (const w of wanted) {
    const key = `${w.roleId}@${scopeKey(w.scope)}`;
    if (kept.has(key)) continue;
    kept.add(key);
    await tx.insert('roleBindings', {
      id: newId('roleBinding'),
      principalId: principal.id,
      roleId: w.roleId,
      scope: w.scope,
      scopeKey: scopeKey(w.scope),
      grantedBy: grantor,
    });
  }
}

/**
 * Logs a user in through a directory: the directory checks the credentials and names the groups, the
 * cloud makes the principal on first login and keeps its directory-granted bindings in step. Every
 * attempt leaves an audit record. Returns the principal to issue a token for.
 * @internal
 */
export async function externalLogin(
  deps: ServiceDeps,
  directory: ExternalDirectory,
  credentials: { readonly username: string; readonly password: string },
): Promise<Principal> {
  const { store, bus } = deps;
  const source = directory.authenticator.name;
  let identity: ExternalIdentity;
  try {
    identity = await directory.authenticator.authenticate(credentials, {
      signal: AbortSignal.timeout(LOGIN_TIMEOUT_MS),
    });
  } catch (error) {
    await store
      .transaction((tx) => appendAudit(tx, loginAuditEntry('anonymous', 'failed', source)))
      .catch(() => undefined);
    throw error;
  }
  const failed = async (error: unknown) => {
    const outcome = EcloudError.is(error, 'PERMISSION_DENIED') ? 'denied' : 'failed';
    await store
      .transaction((tx) => appendAudit(tx, loginAuditEntry('anonymous', outcome, source)))
      .catch(() => undefined);
    throw error;
  };
  return transactWithEvents(store, bus, async (tx, effects) => {
    const principal = await directoryPrincipal(tx, source, identity);
    if (principal.state !== 'active') {
      throw new EcloudError('UNAUTHENTICATED', 'Invalid user name or password.', {
        details: { reason: 'credentials' },
      });
    }
    await syncBindings(tx, principal, `directory:${source}`, await wantedBindings(tx, directory, identity));
    await appendAudit(tx, loginAuditEntry(principal.id, 'succeeded', source));
    effects.emit({
      type: 'principal.logged_in',
      resourceType: 'principal',
      resourceId: principal.id,
      tenantId: null,
    });
    return principal;
  }).catch(failed);
}
