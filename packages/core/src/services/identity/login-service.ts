import { type CallContext, checkContext } from '../../context/call-context.js';
import { EcloudError } from '../../errors/ecloud-error.js';
import { transactWithEvents } from '../../events/outbox.js';
import type { AuditEntryInput } from '../../identity/audit/audit-record.js';
import type { TokenIssuer } from '../../identity/authn/bearer-token.js';
import { assertNotLocked, recordFailure, recordSuccess } from '../../identity/authn/lockout.js';
import { hashPassword, verifyPassword } from '../../identity/authn/password-hash.js';
import type { PasswordPolicy } from '../../identity/authn/password-policy.js';
import { LoginInput } from '../../identity/login.js';
import type { Credential } from '../../identity/principal.js';
import { parseInput } from '../../model/validate.js';
import { appendAudit } from '../audit/audit-trail.js';
import type { ServiceDeps } from '../service-deps.js';

/** A session: the bearer token and when it stops being accepted. @public */
export interface LoginResult {
  readonly token: string;
  readonly expiresAt: string;
  readonly principalId: string;
}

/** Logging in, and turning a bearer token back into a caller (R-SEC-1). @public */
export interface LoginService {
  /**
   * Checks a local user's name and password and returns a short-lived bearer token. One message for an
   * unknown user, a wrong password and a disabled account; after `maxFailures` wrong passwords in a row
   * the account is locked for `lockoutMs`, whatever password comes next.
   */
  login(input: LoginInput): Promise<LoginResult>;
  /** The caller a bearer token stands for; `UNAUTHENTICATED` if it is bad, expired, or its user is gone or disabled. */
  authenticate(token: string): Promise<CallContext>;
}

const REFUSED = 'Invalid user name or password.';

/** The audit record of a login attempt (R-SEC-3). */
function loginEntry(principalId: string, outcome: 'succeeded' | 'failed' | 'denied'): AuditEntryInput {
  return {
    principal: { id: principalId, type: 'user' },
    action: 'session:login',
    resource: { type: 'principal', id: principalId === 'anonymous' ? null : principalId },
    scope: { kind: 'platform', id: null },
    outcome,
    source: {},
  };
}

/** Builds the login service. @internal */
export function createLoginService(
  deps: ServiceDeps,
  policy: PasswordPolicy,
  tokens: TokenIssuer,
): LoginService {
  const { store, bus } = deps;
  // Checked against when the user does not exist, so that a refusal takes as long either way.
  const decoy = hashPassword('decoy password nobody has');

  const refuse = (details: Record<string, unknown> = {}) =>
    new EcloudError('UNAUTHENTICATED', REFUSED, { details: { reason: 'credentials', ...details } });

  const recordAttempt = (credential: Credential, ok: boolean) =>
    transactWithEvents(store, bus, async (tx, effects) => {
      const current = (await tx.get('credentials', credential.id)) ?? credential;
      const attempts = { failures: current.failures, lockedUntil: current.lockedUntil };
      const next = ok ? recordSuccess() : recordFailure(policy, attempts, new Date());
      await tx.update('credentials', { ...current, ...next });
      await appendAudit(tx, loginEntry(credential.id, ok ? 'succeeded' : 'failed'));
      if (!ok && next.lockedUntil !== null && current.lockedUntil !== next.lockedUntil) {
        effects.emit({
          type: 'principal.locked',
          resourceType: 'principal',
          resourceId: credential.id,
          tenantId: null,
        });
      }
    });

  return {
    async login(input) {
      const parsed = parseInput(LoginInput, input, 'login input');
      const user = await store.findOne('principals', { kind: 'user', name: parsed.username });
      const credential =
        user && user.source === 'local' ? await store.get('credentials', user.id) : undefined;
      if (!user || !credential) {
        await verifyPassword(parsed.password, await decoy);
        // The name tried is not recorded: people type passwords into the name field.
        await store.transaction((tx) => appendAudit(tx, loginEntry('anonymous', 'failed')));
        throw refuse();
      }
      try {
        assertNotLocked({ failures: credential.failures, lockedUntil: credential.lockedUntil }, new Date());
      } catch (error) {
        await store.transaction((tx) => appendAudit(tx, loginEntry(user.id, 'denied')));
        throw error;
      }
      const ok = await verifyPassword(parsed.password, credential.passwordHash);
      await recordAttempt(credential, ok && user.state === 'active');
      if (!ok || user.state !== 'active') throw refuse();
      const issued = tokens.issue(user.id);
      return { token: issued.token, expiresAt: issued.expiresAt, principalId: user.id };
    },

    async authenticate(token) {
      if (typeof token !== 'string') throw refuse({ reason: 'malformed' });
      const verified = tokens.verify(token);
      const principal = await store.get('principals', verified.subject);
      if (principal?.state !== 'active') {
        throw new EcloudError('UNAUTHENTICATED', 'The token stands for no active principal.', {
          details: { reason: 'principal' },
        });
      }
      return checkContext({
        principal: { id: principal.id, type: principal.kind === 'serviceAccount' ? 'service' : 'user' },
      });
    },
  };
}
