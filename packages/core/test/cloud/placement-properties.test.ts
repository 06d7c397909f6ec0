import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Host } from '../../src/model/host.js';
import type { CollectionMap, CollectionName } from '../../src/store/collections.js';
import { createMemoryStore } from '../../src/store/memory/memory-store.js';
import type { Store, StoreSession } from '../../src/store/store.js';
import { makeFixture } from '../helpers/fixture.js';

/**
 * Three small hosts (8 threads, 16 GiB): room for a few instances each, so creates race for the last.
 * The last two reach the shared pool `san`, so pooled instances have one host fewer to go to.
 */
const SMALL_HOST = {
  cpu: { sockets: 1, coresPerSocket: 4, threadsPerCore: 2, mhz: 2000 },
  memoryMiB: 16_384,
  storageGiB: 200,
};
const HOSTS = [
  SMALL_HOST,
  { ...SMALL_HOST, storagePools: ['san'] },
  { ...SMALL_HOST, storagePools: ['san'] },
];

// Creates weigh most, so that hosts fill up and later operations race for the last room.
const op = fc.oneof(
  {
    arbitrary: fc.record({
      kind: fc.constant('create' as const),
      offering: fc.constantFrom('small' as const, 'ssd' as const, 'pooled' as const),
    }),
    weight: 6,
  },
  fc.record({ kind: fc.constant('migrate' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('failHost' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('recoverHost' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('haRound' as const) }),
);

/** A store that records every host write leaving more allocated than the host's capacity. */
function watchHosts(store: Store, overBooked: string[]): Store {
  const check = (session: StoreSession): StoreSession =>
    new Proxy(session, {
      get(target, key, receiver) {
        const value = Reflect.get(target, key, receiver);
        if (key !== 'update' || typeof value !== 'function')
          return typeof value === 'function' ? value.bind(target) : value;
        return async (collection: CollectionName, record: CollectionMap[CollectionName]) => {
          if (collection === 'hosts') {
            const host = record as Host;
            const { allocated, capacity } = host;
            if (
              allocated.vcpus > capacity.vcpus ||
              allocated.memoryMiB > capacity.memoryMiB ||
              allocated.storageGiB > capacity.storageGiB
            ) {
              overBooked.push(host.id);
            }
          }
          return value.call(target, collection, record);
        };
      },
    });
  const watched = check(store) as Store;
  return new Proxy(watched, {
    get(target, key, receiver) {
      if (key === 'transaction') {
        return <T>(fn: (tx: StoreSession) => Promise<T>) => store.transaction((tx) => fn(check(tx)));
      }
      return Reflect.get(target, key, receiver);
    },
  });
}

describe('placement under random concurrent creates, migrations, deletes, host failures and HA restarts', () => {
  it('never over-books a host, and every instance sits on a host that passes its filters', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(op, { minLength: 4, maxLength: 12 }), { minLength: 2, maxLength: 5 }),
        fc.constantFrom('fill' as const, 'spread' as const),
        async (rounds, placement) => {
          const overBooked: string[] = [];
          const f = await makeFixture({
            store: watchHosts(createMemoryStore(), overBooked),
            sim: { hosts: HOSTS },
            cloud: { scheduler: { policy: { placement } }, ha: { enabled: false, missedHeartbeats: 1 } },
          });
          try {
            const [tagged] = f.hosts;
            await f.cloud.hosts.update(f.admin, tagged?.id ?? '', { tags: ['ssd'] });
            const ssd = await f.cloud.offerings.create(f.admin, {
              name: 'ssd',
              // Not a divisor of the hosts' 8 threads, so a host can be one vCPU short.
              vcpus: 3,
              memoryMiB: 4096,
              rootDiskGiB: 10,
              tags: ['ssd'],
            });
            const pooled = await f.cloud.offerings.create(f.admin, {
              name: 'pooled',
              vcpus: 2,
              memoryMiB: 4096,
              rootDiskGiB: 30,
              storagePool: 'san',
            });
            const byKind = { small: f.small, ssd, pooled };
            let n = 0;
            for (const round of rounds) {
              const vms = (await f.cloud.instances.list(f.admin, { limit: 1000 })).items;
              const pick = (i: number) => vms[i % Math.max(1, vms.length)];
              const hostRef = (i: number) => f.hosts[i % f.hosts.length]?.ref ?? '';
              await Promise.allSettled(
                round.map(async (step) => {
                  if (step.kind === 'create') {
                    return f.vm(`p-${n++}`, { offeringId: byKind[step.offering].id });
                  }
                  if (step.kind === 'failHost') return f.sim.failHost(hostRef(step.pick));
                  if (step.kind === 'recoverHost') return f.sim.recoverHost(hostRef(step.pick));
                  if (step.kind === 'haRound') return f.cloud.ha.tick(f.admin);
                  const vm = pick(step.pick);
                  if (!vm) return undefined;
                  const handle =
                    step.kind === 'migrate'
                      ? f.cloud.instances.migrate(f.admin, vm.id, {})
                      : f.cloud.instances.delete(f.admin, vm.id);
                  return (await handle).wait();
                }),
              );
            }
            // Checked at every write, not only at the end: the simulator would refuse an over-booked
            // create and the rollback hide it.
            expect(overBooked).toEqual([]);
            // The store and the hypervisor agree on where every instance is: one place each, never two.
            for (const host of f.hosts) f.sim.recoverHost(host.ref);
            const refs = new Map(f.hosts.map((h) => [h.id, h.ref]));
            for (const vm of (await f.cloud.instances.list(f.admin, { limit: 1000 })).items) {
              if (vm.jobId !== null) continue;
              const found = await f.sim.findInstance(vm.id, {
                signal: AbortSignal.timeout(1000),
                progress: () => {},
              });
              expect(found?.hostRef).toBe(refs.get(vm.hostId ?? ''));
            }
            const hosts = (await f.cloud.hosts.list(f.admin, { limit: 1000 })).items;
            const vms = (await f.cloud.instances.list(f.admin, { limit: 1000 })).items;
            const volumes = (await f.cloud.volumes.list(f.admin, { limit: 1000 })).items;
            const offerings = new Map([f.small, ssd, pooled].map((o) => [o.id, o]));
            for (const host of hosts) {
              const here = vms.filter((vm) => vm.hostId === host.id);
              // Only disks on the host's own storage count against it; pooled ones live in the pool.
              const disks = volumes.filter(
                (v) => v.hostId === host.id && v.state !== 'deleted' && v.storagePool === null,
              );
              expect(host.allocated.vcpus).toBe(here.reduce((sum, vm) => sum + vm.vcpus, 0));
              expect(host.allocated.memoryMiB).toBe(here.reduce((sum, vm) => sum + vm.memoryMiB, 0));
              expect(host.allocated.storageGiB).toBe(disks.reduce((sum, v) => sum + v.sizeGiB, 0));
              expect(host.allocated.vcpus).toBeLessThanOrEqual(host.capacity.vcpus);
              expect(host.allocated.memoryMiB).toBeLessThanOrEqual(host.capacity.memoryMiB);
              for (const vm of here) {
                const offering = offerings.get(vm.offeringId);
                expect((offering?.tags ?? []).filter((tag) => !host.tags.includes(tag))).toEqual([]);
                if (offering?.storagePool) expect(host.storagePools).toContain(offering.storagePool);
                expect(vm.hypervisor).toBe(host.hypervisor);
              }
            }
          } finally {
            await f.cloud.close();
          }
        },
      ),
      { numRuns: 25, seed: 4242 },
    );
  }, 120_000);
});
