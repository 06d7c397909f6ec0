import type { Duty, PermissionLevel, PermissionSpec } from './permission.js';

type Spec = readonly [duty: Duty | 'shared', level: PermissionLevel, description: string];

/**
 * Every permission the SDK knows (R-SEC-1). Services name the permission each operation checks from
 * this table, and the permission matrix test walks it, so a right cannot be checked without being
 * declared here with its duty and level.
 */
const TABLE = {
  'region:create': ['system', 'platform', 'Create regions.'],
  'region:read': ['system', 'scoped', 'See regions.'],
  'datacenter:create': ['system', 'platform', 'Create datacenters.'],
  'datacenter:read': ['system', 'scoped', 'See datacenters.'],
  'cluster:create': ['system', 'platform', 'Create clusters.'],
  'cluster:read': ['system', 'platform', 'See clusters.'],
  'cluster:update': ['system', 'platform', 'Change cluster over-commit and disable threshold.'],
  'host:register': ['system', 'platform', 'Register and discover hosts.'],
  'host:read': ['system', 'platform', 'See hosts and their usage.'],
  'host:update': ['system', 'platform', 'Change host tags and dedication.'],
  'host:maintenance': ['system', 'platform', 'Put hosts into and out of maintenance.'],
  'scheduler:read': ['system', 'platform', 'See the scheduling policy.'],
  'scheduler:update': ['system', 'platform', 'Change the scheduling policy.'],
  'scheduler:explain': ['system', 'platform', 'Ask where a create would go and why.'],
  'balancer:plan': ['system', 'platform', 'Plan balancing migrations.'],
  'balancer:execute': ['system', 'platform', 'Run balancing migrations.'],
  'ha:tick': ['system', 'platform', 'Run a host HA round.'],
  'image:create': ['system', 'platform', 'Register images.'],
  'image:read': ['system', 'scoped', 'See images.'],
  'offering:create': ['system', 'platform', 'Create offerings.'],
  'offering:read': ['system', 'scoped', 'See offerings.'],
  'quota:read': ['system', 'scoped', 'See quotas and usage.'],
  'quota:update': ['system', 'platform', 'Set tenant quotas.'],
  'instance:create': ['system', 'scoped', 'Create instances.'],
  'instance:read': ['system', 'scoped', 'See instances.'],
  'instance:update': ['system', 'scoped', 'Rename and describe instances.'],
  'instance:delete': ['system', 'scoped', 'Delete instances (their disks are wiped).'],
  'instance:start': ['system', 'scoped', 'Start and resume instances.'],
  'instance:stop': ['system', 'scoped', 'Stop and suspend instances.'],
  'instance:reboot': ['system', 'scoped', 'Reboot instances.'],
  'instance:resize': ['system', 'scoped', 'Resize instances.'],
  'instance:clone': ['system', 'scoped', 'Clone instances.'],
  'instance:snapshot': ['system', 'scoped', 'Take, revert and delete snapshots.'],
  'instance:attachDisk': ['system', 'scoped', 'Attach and detach data disks.'],
  'instance:migrate': ['system', 'platform', 'Move instances between hosts.'],
  'volume:read': ['system', 'scoped', 'See volumes.'],
  'volume:delete': ['system', 'scoped', 'Delete volumes (wiped first).'],
  'placementGroup:create': ['system', 'scoped', 'Create placement groups.'],
  'placementGroup:read': ['system', 'scoped', 'See placement groups.'],
  'placementGroup:delete': ['system', 'scoped', 'Delete placement groups.'],
  'job:read': ['system', 'scoped', 'See jobs.'],
  'job:cancel': ['system', 'scoped', 'Cancel jobs.'],
  'event:read': ['system', 'scoped', 'See events.'],
  'domain:read': ['shared', 'scoped', 'See domains.'],
  'tenant:read': ['shared', 'scoped', 'See tenants.'],
  'domain:create': ['security', 'platform', 'Create domains.'],
  'domain:update': ['security', 'scoped', 'Rename, describe and disable domains.'],
  'tenant:create': ['security', 'scoped', 'Create tenants in a domain.'],
  'tenant:update': ['security', 'scoped', 'Rename, reclassify and disable tenants.'],
  'user:create': ['security', 'scoped', 'Create users.'],
  'user:read': ['security', 'scoped', 'See users and groups.'],
  'user:update': ['security', 'scoped', 'Change, lock, unlock users and reset passwords.'],
  'user:delete': ['security', 'scoped', 'Delete users.'],
  'group:create': ['security', 'scoped', 'Create groups.'],
  'group:update': ['security', 'scoped', 'Change group membership.'],
  'group:delete': ['security', 'scoped', 'Delete groups.'],
  'serviceAccount:create': ['security', 'scoped', 'Create service accounts and their API keys.'],
  'serviceAccount:delete': ['security', 'scoped', 'Delete service accounts and revoke their API keys.'],
  'role:create': ['security', 'platform', 'Define custom roles.'],
  'role:read': ['security', 'scoped', 'See roles and bindings.'],
  'role:update': ['security', 'platform', 'Change custom roles.'],
  'role:delete': ['security', 'platform', 'Delete custom roles.'],
  'role:grant': ['security', 'scoped', 'Bind roles to principals, and remove bindings.'],
  'passwordPolicy:read': ['security', 'platform', 'See the password policy.'],
  'passwordPolicy:update': ['security', 'platform', 'Change the password policy.'],
  'audit:read': ['audit', 'platform', 'Read the audit log.'],
  'audit:export': ['audit', 'platform', 'Export the audit log.'],
  'audit:verify': ['audit', 'platform', 'Verify the audit chain.'],
} as const satisfies Record<string, Spec>;

/** A permission the SDK declares. @public */
export type KnownPermission = keyof typeof TABLE;

/** Every declared permission with its duty, level and description. @public */
export const PERMISSIONS: Readonly<Record<KnownPermission, PermissionSpec>> = Object.freeze(
  Object.fromEntries(
    Object.entries(TABLE).map(([name, [duty, level, description]]) => [
      name,
      Object.freeze({ duty, level, description }),
    ]),
  ) as Record<KnownPermission, PermissionSpec>,
);

/** Whether `name` is a declared permission. @public */
export function isKnownPermission(name: string): name is KnownPermission {
  return Object.hasOwn(PERMISSIONS, name);
}
