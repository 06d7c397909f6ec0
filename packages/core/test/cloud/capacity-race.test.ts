import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { Cloud } from '../../src/cloud.js';
import { systemContext } from '../../src/context/call-context.js';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { type Fixture, makeFixture, STORES } from '../helpers/fixture.js';
import { createInWaves } from '../helpers/waves.js';

const SECOND_NODE = fileURLToPath(new URL('../helpers/second-node.ts', import.meta.url));

/** One host with room for exactly two instances of the `small` offering (2 vCPUs each). */
const ONE_SMALL_HOST = [
  {
    cpu: { sockets: 1, coresPerSocket: 4, threadsPerCore: 1, mhz: 2000 },
    memoryMiB: 65536,
    storageGiB: 1000,
  },
];

describe.each(STORES)('concurrent creates racing for the last slots ($name store)', ({ make }) => {
  let f: Fixture;
  afterEach(async () => f?.cloud.close());

  it('never over-books a host: exactly the free slots are taken, the rest are refused with reasons', async () => {
    f = await makeFixture({ store: make(), sim: { hosts: ONE_SMALL_HOST, latencyMs: 5 } });
    const attempts = Array.from({ length: 12 }, (_, i) =>
      f.cloud.instances
        .create(f.admin, {
          name: `r${i}`,
          tenantId: f.tenant.id,
          offeringId: f.small.id,
          imageId: f.image.id,
        })
        .then((h) => h.wait()),
    );
    const results = await Promise.allSettled(attempts);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(2);
    expect(lost.every((r) => r.reason.code === 'INSUFFICIENT_CAPACITY')).toBe(true);
    expect(lost[0]?.reason.details.rejectedBy).toEqual({ capacity: 1 });
    const [host] = (await f.cloud.hosts.list(f.admin)).items;
    expect(host?.allocated.vcpus).toBe(4);
    expect(f.sim.instanceCount).toBe(2);
  });
});

describe('two management processes on one SQLite database', () => {
  const clouds: Cloud[] = [];
  afterEach(async () => {
    await Promise.all(clouds.splice(0).map((c) => c.close()));
  });

  it('do not over-book a host between them', async () => {
    // Room for 60 instances of `small`; each process tries 60, a few at a time, so their attempts interleave.
    const hosts = [
      {
        cpu: { sockets: 1, coresPerSocket: 120, threadsPerCore: 1, mhz: 2000 },
        memoryMiB: 262_144,
        storageGiB: 10_000,
      },
    ];
    const filename = join(mkdtempSync(join(tmpdir(), 'ecloud-ha-')), 'shared.db');
    const first = await makeFixture({
      store: createSqliteStore({ filename }),
      sim: { hosts },
      cloud: { nodeId: 'node-a' },
    });
    clouds.push(first.cloud);
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        SECOND_NODE,
        filename,
        first.tenant.id,
        first.small.id,
        first.image.id,
        '60',
        JSON.stringify(hosts),
      ],
      { stdio: ['pipe', 'pipe', 'inherit'] },
    );
    const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    expect((await lines.next()).value).toBe('ready');
    child.stdin.write('go\n');
    const mine = await createInWaves(60, (i) =>
      first.cloud.instances
        .create(systemContext(), {
          name: `a${i}`,
          tenantId: first.tenant.id,
          offeringId: first.small.id,
          imageId: first.image.id,
        })
        .then((h) => h.wait()),
    );
    const theirs = JSON.parse(String((await lines.next()).value)) as {
      won: number;
      lost: Record<string, number>;
    };
    const ours = mine.filter((r) => r.status === 'fulfilled').length;
    expect(ours + theirs.won).toBe(60);
    // Every attempt of the other process got a definite answer: placed, or refused for capacity.
    expect(theirs.won + (theirs.lost.INSUFFICIENT_CAPACITY ?? 0)).toBe(60);
    expect(mine.every((r) => r.status === 'fulfilled' || r.reason.code === 'INSUFFICIENT_CAPACITY')).toBe(
      true,
    );
    const [host] = (await first.cloud.hosts.list(first.admin)).items;
    expect(host?.allocated.vcpus).toBe(120);
    expect((await first.cloud.instances.list(first.admin, { limit: 1000 })).items).toHaveLength(60);
  }, 60_000);
});
