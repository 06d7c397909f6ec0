import { type CallContext, checkContext } from '../../context/call-context.js';
import { EcloudError } from '../../errors/ecloud-error.js';
import { transactWithEvents } from '../../events/outbox.js';
import type { TokenIssuer } from '../../identity/authn/bearer-token.js';
import { assertNotLocked, recordFailure, recordSuccess } from '../../identity/authn/lockout.js';
import { hashPassword, verifyPassword } from '../../identity/authn/password-hash.js';
import type { PasswordPolicy } from '../../identity/authn/password-policy.js';
import { LoginInput } from '../../identity/login.js';
import type { Credential } from '../../identity/principal.js';
import { parseInput } from '../../model/validate.js';
import { readIdentity } from '../access/identity-cache.js';
import type { OperationTable } from '../access/operation-rule.js';
import { appendAudit } from '../audit/audit-trail.js';
import type { ServiceDeps } from '../service-deps.js';
import { type ExternalDirectory, externalLogin } from './external-login.js';
import { loginAuditEntry } from './login-audit.js';
import { currentPasswordPolicy } from './password-policies.js';

/** A session: the bearer token and when it stops being accepted. @public */
export interface LoginResult {
  readonly token: string;
  readonly expiresAt: string;
  readonly principalId: string;
}

/** Logging in, and turning a bearer token back into a caller (R-SEC-1). @public */
export interface LoginService {
  /**
   * Checks a user's name and password — locally, or through the configured directory `directory` —
   * and returns a short-lived bearer token. One message for an
   * unknown user, a wrong password and a disabled account; after `maxFailures` wrong passwords in a row
   * the account is locked for `lockoutMs`, whatever password comes next.
   */
  login(input: LoginInput): Promise<LoginResult>;
  /** The caller a bearer token stands for; `UNAUTHENTICATED` if it is bad, expired, or its user is gone or disabled. */
  authenticate(token: string): Promise<CallContext>;
}

/** Login makes callers, so it checks no right. @internal */
export const LOGIN_OPERATIONS = {
  login: { open: 'runs before anyone is known: it checks a password and makes a token' },
  authenticate: { open: 'runs before anyone is known: it turns a token into a caller' },
} as const satisfies OperationTable<LoginService>;

const REFUSED = 'Invalid user name or password.';

/** Builds the login service. @internal */
export function createLoginService(
  deps: ServiceDeps,
  configured: PasswordPolicy,
  tokens: TokenIssuer,
  directories: readonly ExternalDirectory[] = [],
): LoginService {
  const { store, bus } = deps;
  // Checked against when the user does not exist, so that a refusal takes as long either way.
  const decoy = hashPassword('decoy password nobody has');

  const session = (principalId: string): LoginResult => {
    const issued = tokens.issue(principalId);
    return { token: issued.token, expiresAt: issued.expiresAt, principalId };
  };

  const refuse = (details: Record<string, unknown> = {}) =>
    new EcloudError('UNAUTHENTICATED', REFUSED, { details: { reason: 'credentials', ...details } });

  const recordAttempt = (credential: Credential, ok: boolean) =>
    transactWithEvents(store, bus, async (tx, effects) => {
      const current = (await tx.get('credentials', credential.id)) ?? credential;
      const attempts = { failures: current.failures, lockedUntil: current.lockedUntil };
      const next = ok
        ? recordSuccess()
        : recordFailure(await currentPasswordPolicy(tx, configured), attempts, new Date());
      await tx.update('credentials', { ...current, ...next });
      await appendAudit(tx, loginAuditEntry(credential.id, ok ? 'succeeded' : 'failed'));
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
      if (parsed.directory !== undefined) {
        const directory = directories.find((d) => d.authenticator.name === parsed.directory);
        if (!directory) {
          throw new EcloudError('INVALID_ARGUMENT', `No directory ${parsed.directory} is configured.`, {
            details: { issues: [{ path: 'directory', message: 'unknown' }] },
          });
        }
        return session((await externalLogin(deps, directory, parsed)).id);
      }
      const user = await store.findOne('principals', { kind: 'user', name: parsed.username });
      const credential =
        user && user.source === 'local' ? await store.get('credentials', user.id) : undefined;
      if (!user || !credential) {
        await verifyPassword(parsed.password, await decoy);
        await store.transaction((tx) => appendAudit(tx, loginAuditEntry('anonymous', 'failed')));
        throw refuse();
      }
      try {
        assertNotLocked({ failures: credential.failures, lockedUntil: credential.lockedUntil }, new Date());
      } catch (error) {
        await store.transaction((tx) => appendAudit(tx, loginAuditEntry(user.id, 'denied')));
        throw error;
      }
      const ok = await verifyPassword(parsed.password, credential.passwordHash);
      await recordAttempt(credential, ok && user.state === 'active');
      if (!ok || user.state !== 'active') throw refuse();
      return session(user.id);
    },

    async authenticate(token) {
      if (typeof token !== 'string') throw refuse({ reason: 'malformed' });
      const verified = tokens.verify(token);
      const principal = await readIdentity(store, `principal:${verified.subject}`, () =>
        store.get('principals', verified.subject),
      );
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
