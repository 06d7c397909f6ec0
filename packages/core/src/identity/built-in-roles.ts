import type { Duty } from './permission.js';
import { type KnownPermission, PERMISSIONS } from './permission-catalog.js';
import type { Role } from './role.js';

const ALL = Object.keys(PERMISSIONS) as KnownPermission[];

function ofDuty(duty: Duty, extra: (name: KnownPermission) => boolean = () => true): KnownPermission[] {
  return ALL.filter((name) => PERMISSIONS[name].duty === duty && extra(name));
}

const SHARED = ALL.filter((name) => PERMISSIONS[name].duty === 'shared');

/** What a tenant's members do day to day: see everything of the tenant, power instances on and off. */
const TENANT_MEMBER: KnownPermission[] = [
  'instance:read',
  'instance:start',
  'instance:stop',
  'instance:reboot',
  'volume:read',
  'placementGroup:read',
  'job:read',
  'event:read',
  'quota:read',
  'image:read',
  'offering:read',
  'datacenter:read',
  'region:read',
  'tenant:read',
  'domain:read',
];

/** Operators run the platform day to day but build nothing new: no hosts, clusters, policies or images. */
const OPERATOR: KnownPermission[] = [
  ...ofDuty('system', (name) => name.endsWith(':read')),
  'host:maintenance',
  'instance:migrate',
  'balancer:plan',
  'balancer:execute',
  'scheduler:explain',
  'ha:tick',
  'job:cancel',
  ...SHARED,
];

function role(id: string, name: string, permissions: readonly KnownPermission[]): Role {
  return Object.freeze({ id, name, permissions: Object.freeze([...new Set(permissions)]), builtIn: true });
}

/**
 * The roles every cloud has (R-SEC-1, R-SEC-2). The three administrators split the platform's duties:
 * `system-admin` operates infrastructure and resources, `security-admin` manages principals, roles and
 * bindings, `audit-admin` reads the audit trail and nothing else. `tenant-admin` holds every scoped
 * resource right, meant to be bound to a tenant or domain; `tenant-member` sees and powers; `operator`
 * runs the platform without building it.
 * @public
 */
export const BUILT_IN_ROLES: readonly Role[] = Object.freeze([
  role('role-tenant-member', 'tenant-member', TENANT_MEMBER),
  role('role-tenant-admin', 'tenant-admin', [
    ...ofDuty('system', (name) => PERMISSIONS[name].level === 'scoped'),
    ...SHARED,
  ]),
  role('role-operator', 'operator', OPERATOR),
  role('role-system-admin', 'system-admin', [...ofDuty('system'), ...SHARED]),
  role('role-security-admin', 'security-admin', [...ofDuty('security'), ...SHARED]),
  role('role-audit-admin', 'audit-admin', ofDuty('audit')),
]);
