import { API_KEY_ROUTES } from './api-key-routes.js';
import { AUDIT_CHECKPOINT_ROUTES } from './audit-checkpoint-routes.js';
import { CATALOG_ROUTES } from './catalog-routes.js';
import { GROUP_ROUTES } from './group-routes.js';
import { HOST_HA_ROUTES } from './host-ha-routes.js';
import { IDENTITY_ROUTES } from './identity-routes.js';
import { INSTANCE_ROUTES } from './instance-routes.js';
import { AUTH_ROUTES, HOST_ROUTES, JOB_ROUTES, VOLUME_ROUTES } from './operations-routes.js';
import { PASSWORD_POLICY_ROUTES } from './password-policy-routes.js';
import { QUOTA_ROUTES } from './quota-routes.js';
import { REGION_DOMAIN_ROUTES } from './region-domain-routes.js';
import { ROLE_ROUTES } from './role-routes.js';
import type { RouteSpec } from './route.js';
import { TENANT_UPDATE_ROUTES } from './tenant-update-routes.js';
import { USER_ACCOUNT_ROUTES } from './user-account-routes.js';

/** Every API route, in the order the OpenAPI document lists them. */
export const ALL_ROUTES: readonly RouteSpec[] = [
  ...AUTH_ROUTES,
  ...INSTANCE_ROUTES,
  ...HOST_ROUTES,
  ...HOST_HA_ROUTES,
  ...VOLUME_ROUTES,
  ...JOB_ROUTES,
  ...REGION_DOMAIN_ROUTES,
  ...CATALOG_ROUTES,
  ...TENANT_UPDATE_ROUTES,
  ...QUOTA_ROUTES,
  ...IDENTITY_ROUTES,
  ...USER_ACCOUNT_ROUTES,
  ...GROUP_ROUTES,
  ...API_KEY_ROUTES,
  ...ROLE_ROUTES,
  ...PASSWORD_POLICY_ROUTES,
  ...AUDIT_CHECKPOINT_ROUTES,
];
