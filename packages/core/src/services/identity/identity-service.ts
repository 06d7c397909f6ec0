import type { CallContext } from '../../context/call-context.js';
import { checkContext } from '../../context/call-context.js';
import type { TokenIssuer } from '../../identity/authn/bearer-token.js';
import type { PasswordPolicy } from '../../identity/authn/password-policy.js';
import { Permission } from '../../identity/permission.js';
import type { AccessTarget } from '../../identity/scope.js';
import { parseInput } from '../../model/validate.js';
import type { ServiceDeps } from '../service-deps.js';
import { type ApiKeyService, createApiKeyService } from './api-key-service.js';
import { type BindingService, createBindingService } from './binding-service.js';
import type { ExternalDirectory } from './external-login.js';
import { callerAllows } from './identity-guard.js';
import { createLoginService, type LoginService } from './login-service.js';
import { createPrincipalService, type PrincipalService } from './principal-service.js';
import { createRoleService, type RoleService } from './role-service.js';

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
}

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
  };
}
