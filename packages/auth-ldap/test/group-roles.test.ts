import { EcloudError } from '@ecloud/core';
import { describe, expect, it } from 'vitest';
import { type GroupRoleMapping, mapGroupsToRoles } from '../src/group-roles.js';

const mapping: GroupRoleMapping = {
  'cloud-admins': ['system-admin', 'tenant-admin'],
  developers: ['tenant-member'],
  auditors: ['audit-admin'],
  ops: ['tenant-member', 'tenant-operator'],
};

describe('mapGroupsToRoles', () => {
  it('gives the union of the roles of the groups, without duplicates, sorted', () => {
    expect(mapGroupsToRoles({ groups: ['developers', 'cloud-admins'] }, mapping)).toEqual([
      'system-admin',
      'tenant-admin',
      'tenant-member',
    ]);
    expect(mapGroupsToRoles({ groups: ['developers', 'ops'] }, mapping)).toEqual([
      'tenant-member',
      'tenant-operator',
    ]);
  });

  it('gives nothing for unmapped groups and for no group (default deny)', () => {
    expect(mapGroupsToRoles({ groups: [] }, mapping)).toEqual([]);
    expect(mapGroupsToRoles({ groups: ['guests', 'Developers'] }, mapping)).toEqual([]);
    expect(mapGroupsToRoles({ groups: ['developers'] }, {})).toEqual([]);
  });

  it('does not reach Object.prototype through a group named like one of its keys', () => {
    const groups = ['constructor', '__proto__', 'toString', 'hasOwnProperty'];
    expect(mapGroupsToRoles({ groups }, mapping)).toEqual([]);
  });

  it('refuses a mapping that is not a record of role-name arrays', () => {
    const bad = { developers: 'tenant-member' } as unknown as GroupRoleMapping;
    expect(() => mapGroupsToRoles({ groups: ['developers'] }, bad)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
    try {
      mapGroupsToRoles({ groups: [] }, { developers: [''] });
      expect.unreachable();
    } catch (error) {
      expect(EcloudError.is(error, 'INVALID_ARGUMENT')).toBe(true);
      expect((error as EcloudError).message).toContain('developers[0]');
    }
  });
});
