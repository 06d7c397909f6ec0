import { readFileSync } from 'node:fs';
import { computeDriverContract, contractCaseApplies } from '@ecloud/core/testing';
import { describe, it } from 'vitest';
import { vmwareDriver } from '../../src/driver/vmware-compute-driver.js';
import { vcsimEnv } from './vcsim-env.js';

// Core's compute driver contract (R-COMP-1) on the VMware driver against govmomi's vCenter simulator:
// every case the driver's declared capabilities call for.
const env = vcsimEnv();
const make = () =>
  vmwareDriver({
    name: 'vmware-contract',
    vcenter: {
      url: env.url,
      username: env.username,
      password: env.password,
      tls: { ca: readFileSync(env.caFile, 'utf8') },
    },
  });

const cases = computeDriverContract({ makeDriver: make, instance: { memoryMiB: 64 } }).filter((c) =>
  contractCaseApplies(c, make().capabilities),
);

describe('the compute driver contract on the VMware driver (vCenter simulator)', () => {
  for (const c of cases) it(c.name, () => c.run(), 60_000);
});
