import type { CallContext } from '../../context/call-context.js';
import { checkContext } from '../../context/call-context.js';
import { transactWithEvents } from '../../events/outbox.js';
import type { TokenIssuer } from '../../identity/authn/bearer-token.js';
import {
  type PasswordPolicy,
  type PasswordPolicyInput,
  PasswordPolicy as PasswordPolicySchema,
} from '../../identity/authn/password-policy.js';
import { Permission } from '../../identity/permission.js';
import type { AccessTarget } from '../../identity/scope.js';
import { parseInput } from '../../model/validate.js';
import type { OperationTree } from '../access/operation-rule.js';
import { audited, resourceSubject } from '../audit/audit-trail.js';
import type { ServiceDeps } from '../service-deps.js';
import { API_KEY_OPERATIONS, type ApiKeyService, createApiKeyService } from './api-key-service.js';
import { BINDING_OPERATIONS, type BindingService, createBindingService } from './binding-service.js';
import type { ExternalDirectory } from './external-login.js';
import { authorize, callerAllows, PLATFORM } from './identity-guard.js';
import { createLoginService, LOGIN_OPERATIONS, type LoginService } from './login-service.js';
import { CURRENT_POLICY, currentPasswordPolicy } from './password-policies.js';
import { createPrincipalService, PRINCIPAL_OPERATIONS, type PrincipalService } from './principal-service.js';
import { createRoleService, ROLE_OPERATIONS, type RoleService } from './role-service.js';

/**
 * Identity (R-SEC-1, R-SEC-2): principals, roles and bindings, managed under the three-admin model —
 * only holders of the security duty change who may do what, nobody grants to themselves, nobody holds
 * two duties.
 * @public
 */
export interface IdentityService extends LoginService {
  readonly principals: PrincipalService;
  readonly roles: RoleService;
  readonly bindings: BindingService;
  readonly apiKeys: ApiKeyService;
  /**
   * Whether the caller's bindings allow `permission` on `target` — what an embedding portal asks before
   * it shows a button. A `system` context holds every right.
   */
  allowed(ctx: CallContext, permission: Permission, target: AccessTarget): Promise<boolean>;
  /** The password policy local users are held to: the one last set, else the cloud options'. */
  passwordPolicy(ctx: CallContext): Promise<PasswordPolicy>;
  /**
   * Changes the password policy for every management process sharing the store; fields left out keep
   * their current value. Passwords already set stay until changed; a new lockout rule applies from the
   * next failed login. Needs `passwordPolicy:update` (the security administrator's).
   */
  setPasswordPolicy(ctx: CallContext, input: PasswordPolicyInput): Promise<PasswordPolicy>;
}

/** The rights identity operations check, with those of its parts. @internal */
export const IDENTITY_OPERATIONS = {
  ...LOGIN_OPERATIONS,
  principals: PRINCIPAL_OPERATIONS,
  roles: ROLE_OPERATIONS,
  bindings: BINDING_OPERATIONS,
  apiKeys: API_KEY_OPERATIONS,
  allowed: { open: 'answers only about the caller itself, never acts' },
  passwordPolicy: 'passwordPolicy:read',
  setPasswordPolicy: 'passwordPolicy:update',
} as const satisfies OperationTree<IdentityService>;

/** Builds the identity service. @internal */
export function createIdentityService(
  deps: ServiceDeps,
  policy: PasswordPolicy,
  tokens: TokenIssuer,
  directories: readonly ExternalDirectory[],
  apiKeyEncryptionKey?: Buffer,
): IdentityService {
  return {
    ...createLoginService(deps, policy, tokens, directories),
    principals: createPrincipalService(deps, policy),
    roles: createRoleService(deps),
    bindings: createBindingService(deps),
    apiKeys: createApiKeyService(deps, apiKeyEncryptionKey),
    async allowed(ctx, permission, target) {
      checkContext(ctx);
      return callerAllows(deps.store, ctx, parseInput(Permission, permission, 'permission'), target);
    },
    async passwordPolicy(ctx) {
      checkContext(ctx);
      await authorize(deps.store, ctx, IDENTITY_OPERATIONS.passwordPolicy, PLATFORM);
      return currentPasswordPolicy(deps.store, policy);
    },
    async setPasswordPolicy(ctx, input) {
      checkContext(ctx);
      const right = IDENTITY_OPERATIONS.setPasswordPolicy;
      return audited(deps.store, ctx, resourceSubject(right, 'passwordPolicy', CURRENT_POLICY), (done) =>
        transactWithEvents(deps.store, deps.bus, async (tx, effects) => {
          await authorize(tx, ctx, right, PLATFORM);
          const next = parseInput(
            PasswordPolicySchema,
            { ...(await currentPasswordPolicy(tx, policy)), ...(input as object) },
            'password policy',
          );
          const stored = await tx.get('passwordPolicies', CURRENT_POLICY);
          if (stored) await tx.update('passwordPolicies', { ...stored, ...next });
          else await tx.insert('passwordPolicies', { id: CURRENT_POLICY, ...next });
          effects.emit({
            type: 'password_policy.updated',
            resourceType: 'passwordPolicy',
            resourceId: CURRENT_POLICY,
            tenantId: null,
          });
          await done(tx, CURRENT_POLICY, { ...next });
          return next;
        }),
      );
    },
  };
}
