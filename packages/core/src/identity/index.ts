export { ApiKey, type IssuedApiKey } from './api-key.js';
export {
  type AuditVerification,
  chainRecord,
  type VerifyAuditChainOptions,
  verifyAuditChain,
} from './audit/audit-chain.js';
export {
  type AuditKeyPair,
  type AuditSigningKey,
  generateAuditKeyPair,
  SignedCheckpoint,
  signCheckpoint,
  verifyCheckpoint,
} from './audit/audit-checkpoint.js';
export { AuditEntryInput, type AuditHead, AuditRecord, GENESIS_HASH } from './audit/audit-record.js';
export { canonicalJson } from './audit/canonical-json.js';
export type { AuditProblem, AuditProblemKind } from './audit/chain-anomaly.js';
export {
  AUTHENTICATOR_SPI_VERSION,
  type Authenticator,
  type ExternalIdentity,
  type PasswordCredentials,
} from './authenticator.js';
export {
  type IssuedToken,
  type TokenClaims,
  type TokenFailure,
  TokenIssuer,
  type TokenIssuerOptions,
  type TokenKey,
  type VerifiedToken,
} from './authn/bearer-token.js';
export {
  assertNotLocked,
  isLocked,
  type LockoutPolicy,
  LoginAttempts,
  recordFailure,
  recordSuccess,
} from './authn/lockout.js';
export {
  DEFAULT_SCRYPT_PARAMS,
  hashPassword,
  needsRehash,
  ScryptParams,
  verifyPassword,
} from './authn/password-hash.js';
export {
  checkPasswordHistory,
  checkPasswordStrength,
  definePasswordPolicy,
  nextHistory,
  PasswordPolicy,
  type PasswordPolicyInput,
} from './authn/password-policy.js';
export {
  canonicalRequest,
  type RequestAuthFailure,
  RequestVerifier,
  type RequestVerifierOptions,
  type SignedRequest,
  SigningParts,
  sha256Hex,
  signRequest,
} from './authn/request-signing.js';
export { type Grant, grantsAllow, grantsReach } from './authorizer.js';
export { BUILT_IN_ROLES } from './built-in-roles.js';
export { LoginInput } from './login.js';
export { Duty, Permission, PermissionLevel, type PermissionSpec } from './permission.js';
export { isKnownPermission, type KnownPermission, PERMISSIONS } from './permission-catalog.js';
export {
  CreatePrincipalInput,
  Membership,
  Principal,
  PrincipalFilter,
  PrincipalKind,
} from './principal.js';
export { CustomRole, type Role, RoleInput } from './role.js';
export { GrantRoleInput, RoleBinding, RoleBindingFilter } from './role-binding.js';
export { type AccessTarget, Scope, scopeCovers } from './scope.js';
