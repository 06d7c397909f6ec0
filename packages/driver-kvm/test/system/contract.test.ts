import { computeDriverContract, contractCaseApplies } from '@ecloud/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kvmDriver } from '../../src/driver/kvm-compute-driver.js';
import { LibvirtClient } from '../../src/libvirt/libvirt-client.js';
import { kvmEnv } from './kvm-env.js';

// Core's compute driver contract (R-COMP-1) on the KVM driver, through the real libvirtd and libvirt's
// test hypervisor. Every case the driver's capabilities call for runs, except those the test
// hypervisor cannot serve — gated here by name with the reason, not by declaring less than QEMU does.
const env = kvmEnv();
const transport = { kind: 'unix' as const, path: env.socket };
const make = () =>
  kvmDriver({
    name: 'kvm-contract',
    domainType: 'test',
    hosts: [{ ref: 'h', transport, uri: 'test:///default', storagePool: 'default-pool' }],
  });

const TEST_HYPERVISOR_CANNOT: ReadonlyArray<readonly [prefix: string, reason: string]> = [
  // Each runs on QEMU guests in contract-qemu.test.ts.
  ['disks: create, attach', 'the test hypervisor has no virDomainAttachDeviceFlags'],
  ['disks: attach to and detach', 'the test hypervisor has no virDomainAttachDeviceFlags'],
  ['deleteDisk (wipe)', 'the test hypervisor has no virStorageVolWipe'],
  ['delete (wipe)', 'the test hypervisor has no virStorageVolWipe'],
  ['migrate (cold)', 'one daemon serves one test host; migration needs a second libvirtd'],
  ['migrate (live)', 'one daemon serves one test host; migration needs a second libvirtd'],
];

const cases = computeDriverContract({ makeDriver: make }).filter((c) =>
  contractCaseApplies(c, make().capabilities),
);
const gated = (name: string) => TEST_HYPERVISOR_CANNOT.some(([prefix]) => name.startsWith(prefix));

describe('the compute driver contract on the KVM driver (libvirt test hypervisor)', () => {
  let keeper: LibvirtClient;
  // The test hypervisor's state lives while a connection is open: one stays open across the cases.
  beforeAll(async () => {
    keeper = await LibvirtClient.connect({ transport, uri: 'test:///default' });
  });
  afterAll(async () => keeper?.close());

  it('gates only cases that exist, so a renamed case is noticed', () => {
    for (const [prefix] of TEST_HYPERVISOR_CANNOT)
      expect(cases.some((c) => c.name.startsWith(prefix))).toBe(true);
  });

  for (const c of cases.filter((each) => !gated(each.name))) it(c.name, () => c.run(), 60_000);
});
