import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Grant, grantsAllow, grantsReach } from '../../src/identity/authorizer.js';
import { BUILT_IN_ROLES } from '../../src/identity/built-in-roles.js';
import { PERMISSIONS } from '../../src/identity/permission-catalog.js';
import { checkRolePermissions, dutiesOf } from '../../src/identity/role.js';
import type { AccessTarget, Scope } from '../../src/identity/scope.js';
import { assertNotSelfGrant, assertSeparatedDuties } from '../../src/identity/separation-of-duties.js';

const ALL = Object.keys(PERMISSIONS);
const role = (name: string) => {
  const found = BUILT_IN_ROLES.find((r) => r.name === name);
  if (!found) throw new Error(`no built-in role ${name}`);
  return found;
};
const grant = (roleName: string, scope: Scope): Grant => ({
  scope,
  permissions: new Set(role(roleName).permissions),
});

// Tenant t1 in domain d1 is the binding's own; t2 in d2 is foreign.
const OWN: AccessTarget = { kind: 'resource', resourceId: 'vm-1', tenantId: 't1', domainId: 'd1' };
const FOREIGN: AccessTarget = { kind: 'resource', resourceId: 'vm-2', tenantId: 't2', domainId: 'd2' };
const PLATFORM: AccessTarget = { kind: 'platform' };

// What each role should allow, written from the three-admin model and the role descriptions rather
// than from the catalogue's own fields, so that a permission filed under the wrong duty or level fails.
const resourceOf = (p: string) => p.split(':')[0] ?? '';
const IDENTITY = new Set(['user', 'group', 'serviceAccount', 'role', 'passwordPolicy']);
const isAudit = (p: string) => resourceOf(p) === 'audit';
const isSecurity = (p: string) =>
  IDENTITY.has(resourceOf(p)) ||
  ['domain:create', 'domain:update', 'tenant:create', 'tenant:update'].includes(p);
const isOrgRead = (p: string) => p === 'tenant:read' || p === 'domain:read';
const INFRA = new Set(['region', 'datacenter', 'cluster', 'host', 'scheduler', 'balancer', 'ha']);
const TENANT_RESOURCES = new Set(['instance', 'volume', 'placementGroup', 'job', 'event']);
const isTenantOp = (p: string) =>
  (TENANT_RESOURCES.has(resourceOf(p)) && p !== 'instance:migrate') ||
  ['quota:read', 'image:read', 'offering:read', 'datacenter:read', 'region:read'].includes(p) ||
  isOrgRead(p);
const POWER = ['instance:start', 'instance:stop', 'instance:reboot'];
const EXPECTED: Record<string, (p: string) => boolean> = {
  'audit-admin': isAudit,
  'security-admin': (p) => isSecurity(p) || isOrgRead(p),
  'system-admin': (p) => !isAudit(p) && !isSecurity(p),
  'tenant-admin': isTenantOp,
  'tenant-member': (p) => isTenantOp(p) && (p.endsWith(':read') || POWER.includes(p)),
  operator: (p) =>
    !isAudit(p) &&
    !isSecurity(p) &&
    (p.endsWith(':read') ||
      [
        'host:maintenance',
        'instance:migrate',
        'balancer:plan',
        'balancer:execute',
        'scheduler:explain',
        'ha:tick',
        'job:cancel',
      ].includes(p)),
};

describe('permission matrix: every declared permission × built-in role × own / foreign / platform', () => {
  it('has an expectation for every built-in role', () => {
    expect(BUILT_IN_ROLES.map((r) => r.name).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const r of BUILT_IN_ROLES) {
    it(`${r.name}`, () => {
      const expected = EXPECTED[r.name] ?? (() => false);
      const platformGrant = [grant(r.name, { kind: 'platform' })];
      const tenantGrant = [grant(r.name, { kind: 'tenant', id: 't1' })];
      for (const p of ALL) {
        const platformOnly = PERMISSIONS[p as keyof typeof PERMISSIONS].level === 'platform';
        // Bound to the platform: the role's rights everywhere.
        expect([p, grantsAllow(platformGrant, p, OWN)]).toEqual([p, expected(p)]);
        expect([p, grantsAllow(platformGrant, p, PLATFORM)]).toEqual([p, expected(p)]);
        // Bound to tenant t1: its scoped rights on t1 only; nothing on a foreign tenant or the platform.
        expect([p, grantsAllow(tenantGrant, p, OWN)]).toEqual([p, expected(p) && !platformOnly]);
        expect([p, grantsAllow(tenantGrant, p, FOREIGN)]).toEqual([p, false]);
        expect([p, grantsAllow(tenantGrant, p, PLATFORM)]).toEqual([p, false]);
      }
    });
  }

  it('infrastructure rights are platform-level: no tenant or domain binding reaches them', () => {
    const infra = ALL.filter((p) => INFRA.has(resourceOf(p)) && !p.endsWith(':read'));
    expect(infra.length).toBeGreaterThan(10);
    for (const p of infra)
      expect([p, PERMISSIONS[p as keyof typeof PERMISSIONS].level]).toEqual([p, 'platform']);
    // Even a custom role that names them, bound to a domain, gets nothing.
    const custom: Grant = { scope: { kind: 'domain', id: 'd1' }, permissions: new Set(infra) };
    for (const p of infra) expect(grantsAllow([custom], p, OWN)).toBe(false);
  });
});

describe('scopes', () => {
  const member = (scope: Scope) => [grant('tenant-admin', scope)];

  it('a domain binding covers its tenants and their resources, not another domain', () => {
    const d1 = member({ kind: 'domain', id: 'd1' });
    expect(grantsAllow(d1, 'instance:delete', OWN)).toBe(true);
    expect(grantsAllow(d1, 'instance:delete', { kind: 'tenant', tenantId: 't9', domainId: 'd1' })).toBe(true);
    expect(grantsAllow(d1, 'instance:delete', FOREIGN)).toBe(false);
    expect(grantsAllow(d1, 'tenant:read', { kind: 'domain', domainId: 'd1' })).toBe(true);
  });

  it('a resource binding covers that resource only', () => {
    const one = member({ kind: 'resource', id: 'vm-1' });
    expect(grantsAllow(one, 'instance:stop', OWN)).toBe(true);
    expect(grantsAllow(one, 'instance:stop', { ...OWN, resourceId: 'vm-3' })).toBe(false);
    expect(grantsAllow(one, 'instance:stop', { kind: 'tenant', tenantId: 't1', domainId: 'd1' })).toBe(false);
  });

  it('denies by default: no grants, undeclared permissions, grants without the permission', () => {
    expect(grantsAllow([], 'instance:read', OWN)).toBe(false);
    expect(grantsAllow([grant('system-admin', { kind: 'platform' })], 'instance:teleport', OWN)).toBe(false);
    expect(grantsAllow([grant('tenant-member', { kind: 'tenant', id: 't1' })], 'instance:delete', OWN)).toBe(
      false,
    );
  });

  it('any one grant that covers is enough, whatever order they come in', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(BUILT_IN_ROLES.map((r) => r.name)),
        fc.constantFrom(...ALL),
        (names, p) => {
          const grants = names.map((n) => grant(n, { kind: 'platform' }));
          const expected = names.some((n) => role(n).permissions.includes(p));
          expect(grantsAllow(grants, p, PLATFORM)).toBe(expected);
          expect(grantsAllow([...grants].reverse(), p, PLATFORM)).toBe(expected);
        },
      ),
      { seed: 7, numRuns: 200 },
    );
  });

  it('reach lists the tenants and domains a permission is bound on, or all for a platform binding', () => {
    const grants = [
      grant('tenant-member', { kind: 'tenant', id: 't1' }),
      grant('tenant-admin', { kind: 'domain', id: 'd2' }),
    ];
    expect(grantsReach(grants, 'instance:read')).toEqual({
      all: false,
      domains: new Set(['d2']),
      tenants: new Set(['t1']),
    });
    expect(grantsReach(grants, 'instance:delete')).toEqual({
      all: false,
      domains: new Set(['d2']),
      tenants: new Set(),
    });
    expect(grantsReach([...grants, grant('operator', { kind: 'platform' })], 'instance:read').all).toBe(true);
  });
});

describe('three-admin model', () => {
  it('gives each built-in role at most one duty, and the three administrators one each', () => {
    for (const r of BUILT_IN_ROLES) expect(dutiesOf(r.permissions).size).toBeLessThanOrEqual(1);
    expect([...dutiesOf(role('system-admin').permissions)]).toEqual(['system']);
    expect([...dutiesOf(role('security-admin').permissions)]).toEqual(['security']);
    expect([...dutiesOf(role('audit-admin').permissions)]).toEqual(['audit']);
  });

  it('refuses a custom role that mixes duties or names an undeclared permission', () => {
    expect(() => checkRolePermissions(['instance:create', 'role:grant'])).toThrow(
      expect.objectContaining({
        code: 'INVALID_ARGUMENT',
        details: expect.objectContaining({ duties: ['system', 'security'] }),
      }),
    );
    expect(() => checkRolePermissions(['audit:read', 'instance:read'])).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
    expect(() => checkRolePermissions(['instance:teleport'])).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
    // Reading the organisation is shared: it goes with any duty.
    expect(() => checkRolePermissions(['audit:read', 'tenant:read'])).not.toThrow();
  });

  it('refuses a second duty for one principal, whichever comes first', () => {
    expect(() => assertSeparatedDuties('u1', ['system'], ['system'])).not.toThrow();
    expect(() => assertSeparatedDuties('u1', [], ['audit'])).not.toThrow();
    for (const [held, added] of [
      ['system', 'security'],
      ['security', 'audit'],
      ['audit', 'system'],
    ] as const) {
      expect(() => assertSeparatedDuties('u1', [held], [added])).toThrow(
        expect.objectContaining({
          code: 'PERMISSION_DENIED',
          details: expect.objectContaining({ reason: 'separation-of-duties' }),
        }),
      );
    }
  });

  it('refuses a grant to oneself or to a group one belongs to', () => {
    expect(() => assertNotSelfGrant('u1', 'u2', new Set(['g1']))).not.toThrow();
    expect(() => assertNotSelfGrant('u1', 'u1', new Set())).toThrow(
      expect.objectContaining({
        code: 'PERMISSION_DENIED',
        details: expect.objectContaining({ reason: 'self-grant' }),
      }),
    );
    expect(() => assertNotSelfGrant('u1', 'g1', new Set(['g1']))).toThrow(
      expect.objectContaining({ code: 'PERMISSION_DENIED' }),
    );
  });
});
