import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Host } from '../../src/model/host.js';
import { type Movable, type PlannedGroup, planBalance } from '../../src/scheduler/balance-planner.js';
import { CapacityIndex } from '../../src/scheduler/capacity-index.js';
import { failedFilter } from '../../src/scheduler/filters/pipeline.js';
import { withAllocation } from '../../src/scheduler/host-capacity.js';
import { SchedulerPolicy } from '../../src/scheduler/policy.js';
import { cluster, datacenter, host, request } from './scheduler-fixtures.js';

describe('balance planner', () => {
  // Every planned move, replayed in order on its own copy of the hosts and groups, must pass every filter
  // (capacity, tags, dedication, anti-affinity against the members' planned hosts), and the plan must
  // respect its cap and never leave the spread worse.
  it('never plans a move that breaks a filter, on random clouds', () => {
    const vmArb = fc.record({
      host: fc.nat({ max: 5 }),
      memoryMiB: fc.integer({ min: 1024, max: 65_536 }),
      vcpus: fc.integer({ min: 1, max: 8 }),
      ssd: fc.boolean(),
      group: fc.constantFrom(null, 'g-anti', 'g-aff'),
    });
    fc.assert(
      fc.property(
        fc.array(fc.record({ ssd: fc.boolean(), dedicated: fc.boolean() }), { minLength: 2, maxLength: 6 }),
        fc.array(vmArb, { maxLength: 30 }),
        fc.integer({ min: 1, max: 20 }),
        (hostSpecs, vmSpecs, cap) => {
          const hosts = new Map<string, Host>(
            hostSpecs.map((spec, i) => [
              `h-${i}`,
              host(`h-${i}`, {
                tags: spec.ssd ? ['ssd'] : [],
                dedicatedTenantId: spec.dedicated ? 'tnt-9' : null,
              }),
            ]),
          );
          const movable: Movable[] = [];
          const groups = new Map<string, PlannedGroup>([
            ['g-anti', { policy: 'anti-affinity', members: new Map() }],
            ['g-aff', { policy: 'affinity', members: new Map() }],
          ]);
          vmSpecs.forEach((spec, i) => {
            const at = hosts.get(`h-${spec.host % hostSpecs.length}`);
            if (!at) return;
            const resources = { vcpus: spec.vcpus, memoryMiB: spec.memoryMiB, storageGiB: 0 };
            const req = request({ resources, tags: spec.ssd ? ['ssd'] : [] });
            const group = spec.group === null ? undefined : groups.get(spec.group);
            const taken = group && [...group.members.values()];
            const breaks =
              group?.policy === 'anti-affinity'
                ? taken?.includes(at.id)
                : group?.policy === 'affinity' && taken?.length && !taken.includes(at.id);
            if (failedFilter(at, req, index(hosts)) !== undefined || breaks) return;
            hosts.set(at.id, withAllocation(at, resources, 1));
            group?.members.set(`vm-${i}`, at.id);
            movable.push({ instanceId: `vm-${i}`, hostId: at.id, request: req, groupId: spec.group });
          });
          const start = index(hosts);
          const snapshot = new Map(
            [...groups].map(([id, g]) => [id, { policy: g.policy, members: new Map(g.members) }]),
          );
          const plan = planBalance(start, [...hosts.values()], movable, groups, {
            band: 0.02,
            maxMigrations: cap,
          });

          expect(plan.moves.length).toBeLessThanOrEqual(cap);
          expect(plan.imbalanceAfter).toBeLessThanOrEqual(plan.imbalanceBefore);
          const where = new Map(movable.map((m) => [m.instanceId, m]));
          for (const move of plan.moves) {
            const item = where.get(move.instanceId);
            const target = hosts.get(move.toHostId);
            const source = hosts.get(move.fromHostId);
            if (!item || !target || !source) throw new Error('a move names an unknown instance or host');
            expect(item.hostId).toBe(move.fromHostId);
            const group = item.groupId === null ? undefined : snapshot.get(item.groupId);
            const others = new Set(
              [...(group?.members ?? [])].filter(([id]) => id !== item.instanceId).map(([, h]) => h),
            );
            const rule = group === undefined ? {} : { group: { policy: group.policy, hostIds: others } };
            expect(failedFilter(target, { ...item.request, ...rule }, start)).toBeUndefined();
            hosts.set(source.id, withAllocation(source, item.request.resources, -1));
            hosts.set(target.id, withAllocation(target, item.request.resources, 1));
            group?.members.set(item.instanceId, target.id);
            where.set(item.instanceId, { ...item, hostId: target.id });
          }
        },
      ),
      { numRuns: 300, seed: 99 },
    );
  });

  it('passes over a hot host it cannot relieve and balances the next one', () => {
    const resources = { vcpus: 2, memoryMiB: 65_536, storageGiB: 0 };
    // h-gpu is the hottest, but its instances need a GPU host and it is the only one.
    const hosts = new Map<string, Host>([
      ['h-gpu', host('h-gpu', { tags: ['gpu'], allocated: { vcpus: 6, memoryMiB: 196_608, storageGiB: 0 } })],
      ['h-hot', host('h-hot', { allocated: { vcpus: 4, memoryMiB: 131_072, storageGiB: 0 } })],
      ['h-cold', host('h-cold')],
    ]);
    const movable: Movable[] = [
      ...[0, 1, 2].map((i) => ({
        instanceId: `vm-gpu-${i}`,
        hostId: 'h-gpu',
        request: request({ resources, tags: ['gpu'] }),
        groupId: null,
      })),
      ...[0, 1].map((i) => ({
        instanceId: `vm-${i}`,
        hostId: 'h-hot',
        request: request({ resources }),
        groupId: null,
      })),
    ];
    const plan = planBalance(index(hosts), [...hosts.values()], movable, new Map(), {
      band: 0.05,
      maxMigrations: 5,
    });
    expect(plan.moves).toEqual([{ instanceId: 'vm-0', fromHostId: 'h-hot', toHostId: 'h-cold' }]);
    expect(plan.imbalanceAfter).toBeLessThan(plan.imbalanceBefore);
  });
});

function index(hosts: ReadonlyMap<string, Host>): CapacityIndex {
  const built = new CapacityIndex(SchedulerPolicy.parse({ placement: 'spread' }));
  built.upsertDatacenter(datacenter('dc-1', 'public'));
  built.upsertCluster(cluster('cl-1'));
  for (const h of hosts.values()) built.upsert(h);
  return built;
}
