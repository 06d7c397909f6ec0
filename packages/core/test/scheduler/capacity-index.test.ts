import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Host } from '../../src/model/host.js';
import { CapacityIndex } from '../../src/scheduler/capacity-index.js';
import { failedFilter } from '../../src/scheduler/filters/pipeline.js';
import {
  cpuUtilisation,
  hostRanking,
  memoryUtilisation,
  weightedUtilisation,
} from '../../src/scheduler/host-ranking.js';
import type { PlacementRequest, Rejections } from '../../src/scheduler/placement-request.js';
import { SchedulerPolicy } from '../../src/scheduler/policy.js';
import { cluster, datacenter, host, request } from './scheduler-fixtures.js';

function indexOf(hosts: readonly Host[], policy = SchedulerPolicy.parse({})): CapacityIndex {
  const index = new CapacityIndex(policy);
  index.upsertDatacenter(datacenter('dc-1', 'public'));
  index.upsertCluster(cluster('cl-1'));
  for (const h of hosts) index.upsert(h);
  return index;
}

function first(index: CapacityIndex, req: PlacementRequest): { id?: string; rejections: Rejections } {
  const rejections: Rejections = {};
  for (const h of index.candidates(req, rejections)) return { id: h.id, rejections };
  return { rejections };
}

/** The next version of `winner` with the request booked on it, as a reservation would commit it. */
function bookedOn(winner: Host, r: { vcpus: number; memoryMiB: number }): Host {
  return {
    ...winner,
    version: winner.version + 1,
    allocated: {
      vcpus: winner.allocated.vcpus + r.vcpus,
      memoryMiB: winner.allocated.memoryMiB + r.memoryMiB,
      storageGiB: 0,
    },
  };
}

const used = (id: string, vcpus: number, memoryMiB: number) =>
  host(id, { allocated: { vcpus, memoryMiB, storageGiB: 0 } });

describe('weighers', () => {
  it('measure CPU, memory and weighted utilisation as shares of capacity', () => {
    const h = used('h', 16, 196_608);
    expect(cpuUtilisation(h)).toBe(0.25);
    expect(memoryUtilisation(h)).toBe(0.75);
    expect(weightedUtilisation(h, { cpu: 1, memory: 1 })).toBe(0.5);
    expect(weightedUtilisation(h, { cpu: 0, memory: 1 })).toBe(0.75);
    expect(cpuUtilisation(host('empty', { capacity: { vcpus: 0, memoryMiB: 0, storageGiB: 0 } }))).toBe(1);
  });

  it('best fit keys on what is free and starts at the request size; spread keys on utilisation', () => {
    const h = used('h', 16, 196_608);
    const fill = hostRanking(SchedulerPolicy.parse({ placement: 'fill', rankBy: 'memory' }));
    expect(fill.key(h)).toBe(65_536);
    expect(fill.floor(request())).toBe(4096);
    const fillCpu = hostRanking(SchedulerPolicy.parse({ placement: 'fill', rankBy: 'cpu' }));
    expect(fillCpu.key(h)).toBe(48);
    expect(fillCpu.floor(request())).toBe(2);
    const spread = hostRanking(SchedulerPolicy.parse({ placement: 'spread', rankBy: 'cpu' }));
    expect(spread.key(h)).toBe(0.25);
    expect(spread.floor(request())).toBeUndefined();
    const weightedFill = hostRanking(
      SchedulerPolicy.parse({ placement: 'fill', rankBy: 'weighted', weights: { cpu: 1, memory: 1 } }),
    );
    expect(weightedFill.key(h)).toBe(0.5);
  });
});

describe('fill opens hosts', () => {
  it('only when no host in use fits, and then the largest empty host first', () => {
    const big = host('h-big', { capacity: { vcpus: 128, memoryMiB: 786_432, storageGiB: 4096 } });
    const small = host('h-small');
    const inUse = used('h-used', 8, 200_000);
    for (const rankBy of ['memory', 'cpu', 'weighted'] as const) {
      const index = indexOf([small, inUse, big], SchedulerPolicy.parse({ placement: 'fill', rankBy }));
      expect(first(index, request()).id).toBe('h-used');
      expect(first(index, request({ resources: { vcpus: 2, memoryMiB: 100_000, storageGiB: 0 } })).id).toBe(
        'h-big',
      );
    }
  });
});

describe('capacity index', () => {
  it('fill takes the tightest host that fits; spread the least utilised', () => {
    const hosts = [used('h-a', 8, 250_000), used('h-b', 8, 200_000), used('h-c', 8, 100_000)];
    expect(
      first(indexOf(hosts), request({ resources: { vcpus: 2, memoryMiB: 20_000, storageGiB: 0 } })).id,
    ).toBe('h-b');
    const spread = indexOf(hosts, SchedulerPolicy.parse({ placement: 'spread' }));
    expect(first(spread, request()).id).toBe('h-c');
  });

  it('spread steers a large request to the host it takes the least share of', () => {
    const small = host('h-a', { capacity: { vcpus: 32, memoryMiB: 131_072, storageGiB: 4096 } });
    const large = host('h-b', { capacity: { vcpus: 128, memoryMiB: 786_432, storageGiB: 4096 } });
    const spread = indexOf([small, large], SchedulerPolicy.parse({ placement: 'spread' }));
    const big = request({ resources: { vcpus: 4, memoryMiB: 65_536, storageGiB: 0 } });
    expect(first(spread, big).id).toBe('h-b');
    // A host too small for the request ends its list's walk and is counted, not chosen.
    const huge = request({ resources: { vcpus: 4, memoryMiB: 200_000, storageGiB: 0 } });
    expect(first(spread, huge).id).toBe('h-b');
    const tooBig = request({ resources: { vcpus: 4, memoryMiB: 900_000, storageGiB: 0 } });
    expect(first(spread, tooBig)).toEqual({ rejections: { capacity: 2 } });
  });

  it('re-ranks a host when its allocation changes, and when the policy changes', () => {
    const index = indexOf([used('h-a', 0, 0), used('h-b', 0, 100_000)]);
    expect(first(index, request()).id).toBe('h-b');
    index.upsert({ ...used('h-a', 0, 200_000), version: 2 });
    expect(first(index, request()).id).toBe('h-a');
    index.upsert({ ...used('h-a', 0, 0), version: 1 });
    expect(first(index, request()).id).toBe('h-a');
    index.setPolicy(SchedulerPolicy.parse({ placement: 'spread' }));
    expect(first(index, request()).id).toBe('h-b');
  });

  it('explains a refusal with a count per filter that adds up to every host', () => {
    const hosts = [
      host('h-down', { state: 'down' }),
      host('h-vmware', { hypervisor: 'vmware' }),
      host('h-other', { dedicatedTenantId: 'tnt-9' }),
      used('h-full', 64, 262_144),
      used('h-small', 0, 260_000),
      host('h-untagged'),
    ];
    const { id, rejections } = first(indexOf(hosts), request({ tags: ['gpu'] }));
    expect(id).toBeUndefined();
    expect(rejections).toEqual({ hostState: 1, hypervisor: 1, dedication: 1, tags: 1, capacity: 2 });
  });

  it('skips a cluster above its disable threshold', () => {
    const index = indexOf([used('h-a', 0, 200_000), host('h-b', { clusterId: 'cl-2' })]);
    index.upsertCluster(cluster('cl-1', { disableThreshold: 0.7, version: 2 }));
    index.upsertCluster(cluster('cl-2'));
    expect(first(index, request()).id).toBe('h-b');
    index.upsertCluster(cluster('cl-1', { disableThreshold: 0.8, version: 3 }));
    expect(first(index, request()).id).toBe('h-a');
  });

  it('forgets a removed host', () => {
    const index = indexOf([host('h-a')]);
    index.remove('h-a');
    expect(first(index, request())).toEqual({ rejections: {} });
    expect(index.size).toBe(0);
  });

  it('fill by shape keeps what a host has left in proportion, and opens the host of the nearest shape', () => {
    const policy = SchedulerPolicy.parse({ placement: 'fill', rankBy: 'shape' });
    // Free: h-cpu 24 vCPUs / 32 GiB (CPU-rich), h-mem 4 vCPUs / 96 GiB (memory-rich).
    const hosts = [used('h-cpu', 40, 229_376), used('h-mem', 60, 163_840)];
    const big = host('h-big', { capacity: { vcpus: 128, memoryMiB: 786_432, storageGiB: 4096 } });
    const index = indexOf([...hosts, big, host('h-small')], policy);
    const cpuHeavy = request({ resources: { vcpus: 4, memoryMiB: 4096, storageGiB: 0 } });
    const memoryHeavy = request({ resources: { vcpus: 2, memoryMiB: 32_768, storageGiB: 0 } });
    expect(first(index, cpuHeavy).id).toBe('h-cpu');
    expect(first(index, memoryHeavy).id).toBe('h-mem');
    // Neither host in use fits: the empty host nearest the request's 8 GiB per vCPU is the 6 GiB one.
    const wide = request({ resources: { vcpus: 16, memoryMiB: 131_072, storageGiB: 0 } });
    expect(first(index, wide).id).toBe('h-big');
    // 1 GiB per vCPU: the 4 GiB-per-vCPU empty host is nearer than the 6 GiB one.
    expect(first(index, request({ resources: { vcpus: 30, memoryMiB: 30_720, storageGiB: 0 } })).id).toBe(
      'h-small',
    );
    expect(first(index, request({ resources: { vcpus: 200, memoryMiB: 1024, storageGiB: 0 } }))).toEqual({
      rejections: { capacity: 4 },
    });
  });

  it('fill by shape is refused under spread', () => {
    expect(SchedulerPolicy.safeParse({ placement: 'spread', rankBy: 'shape' }).success).toBe(false);
    expect(SchedulerPolicy.safeParse({ placement: 'fill', rankBy: 'shape' }).success).toBe(true);
  });

  // What a full scan ranks under fill by shape: hosts in use before empty ones, then the distance of
  // log(memory per vCPU) of what is free (of the capacity, when empty) from the request's, then the
  // lower shape, then the least free memory in use or the largest empty host, then id.
  it('agrees with a full scan under fill by shape, on random hosts and requests', () => {
    const policy = SchedulerPolicy.parse({ placement: 'fill', rankBy: 'shape' });
    const hostArb = fc.record({
      vcpus: fc.constantFrom(32, 64, 96, 128),
      gibPerVcpu: fc.constantFrom(2, 4, 6),
      // Allocations in whole units of a few shapes, so that what hosts have left often ties in shape.
      units: fc.integer({ min: 0, max: 8 }),
      unitGib: fc.constantFrom(2, 4, 8),
      idle: fc.boolean(),
      state: fc.constantFrom('up', 'up', 'up', 'down'),
    });
    const requestArb = fc.oneof(
      fc.record({ vcpus: fc.integer({ min: 1, max: 32 }), memoryMiB: fc.integer({ min: 64, max: 131_072 }) }),
      fc.constantFrom(
        { vcpus: 1, memoryMiB: 4096 },
        { vcpus: 2, memoryMiB: 8192 },
        { vcpus: 4, memoryMiB: 32_768 },
      ),
    );
    fc.assert(
      fc.property(
        fc.array(hostArb, { minLength: 1, maxLength: 40 }),
        fc.array(requestArb, { minLength: 1, maxLength: 30 }),
        (hostSpecs, requests) => {
          const hosts = hostSpecs.map((s, i) =>
            host(`h-${String(i).padStart(3, '0')}`, {
              state: s.state as Host['state'],
              capacity: { vcpus: s.vcpus, memoryMiB: s.vcpus * s.gibPerVcpu * 1024, storageGiB: 4096 },
              allocated: s.idle
                ? { vcpus: 0, memoryMiB: 0, storageGiB: 0 }
                : {
                    vcpus: Math.min(s.vcpus, 4 * s.units),
                    memoryMiB: Math.min(s.vcpus * s.gibPerVcpu * 1024, 4 * s.units * s.unitGib * 1024),
                    storageGiB: 0,
                  },
            }),
          );
          const index = indexOf(hosts, policy);
          const byId = new Map(hosts.map((h) => [h.id, h]));
          for (const r of requests) {
            const req = request({ resources: { vcpus: r.vcpus, memoryMiB: r.memoryMiB, storageGiB: 0 } });
            const wanted = Math.log(r.memoryMiB / r.vcpus);
            const order = (h: Host) => {
              const empty = h.allocated.vcpus === 0 && h.allocated.memoryMiB === 0;
              const room = empty
                ? h.capacity
                : {
                    vcpus: h.capacity.vcpus - h.allocated.vcpus,
                    memoryMiB: h.capacity.memoryMiB - h.allocated.memoryMiB,
                  };
              const shape = Math.log(room.memoryMiB / room.vcpus);
              return [
                empty ? 1 : 0,
                Math.abs(shape - wanted),
                shape,
                empty ? -room.memoryMiB : room.memoryMiB,
              ];
            };
            const fitting = [...byId.values()].filter((h) => failedFilter(h, req, index) === undefined);
            fitting.sort((a, b) => {
              const [oa, ob] = [order(a), order(b)];
              for (let i = 0; i < oa.length; i++) if (oa[i] !== ob[i]) return (oa[i] ?? 0) - (ob[i] ?? 0);
              return a.id < b.id ? -1 : 1;
            });
            const { id: chosen, rejections } = first(index, req);
            expect(chosen).toBe(fitting[0]?.id);
            // A refusal accounts for every host, each under a filter that does reject it.
            if (chosen === undefined) {
              const counted = Object.values(rejections).reduce((a, b) => a + b, 0);
              expect(counted).toBe(byId.size);
              const rejecting = new Set([...byId.values()].map((h) => failedFilter(h, req, index)));
              for (const name of Object.keys(rejections)) expect(rejecting.has(name)).toBe(true);
            }
            const winner = chosen === undefined ? undefined : byId.get(chosen);
            if (winner === undefined) continue;
            const booked = bookedOn(winner, r);
            byId.set(booked.id, booked);
            index.upsert(booked);
          }
        },
      ),
      { numRuns: 150, seed: 20261127 },
    );
  });

  // The index must choose exactly what a full scan of every host under the same policy would choose.
  it('agrees with a full scan for every policy, on random hosts and requests', () => {
    const policies = [
      { placement: 'fill', rankBy: 'memory' },
      { placement: 'fill', rankBy: 'cpu' },
      { placement: 'fill', rankBy: 'weighted' },
      { placement: 'spread', rankBy: 'memory' },
      { placement: 'spread', rankBy: 'cpu' },
      { placement: 'spread', rankBy: 'weighted', weights: { cpu: 0.3, memory: 0.7 } },
    ].map((p) => SchedulerPolicy.parse(p));
    const hostArb = fc.record({
      size: fc.constantFrom(1, 2, 3),
      vcpus: fc.integer({ min: 0, max: 64 }),
      memoryMiB: fc.integer({ min: 0, max: 262_144 }),
      state: fc.constantFrom('up', 'up', 'up', 'down'),
      tags: fc.subarray(['ssd', 'gpu']),
      dedicated: fc.constantFrom(null, null, 'tnt-1', 'tnt-2'),
    });
    const requestArb = fc.record({
      vcpus: fc.integer({ min: 1, max: 16 }),
      memoryMiB: fc.integer({ min: 64, max: 65_536 }),
      tags: fc.subarray(['ssd', 'gpu']),
    });
    fc.assert(
      fc.property(
        fc.array(hostArb, { minLength: 1, maxLength: 40 }),
        fc.array(requestArb, { minLength: 1, maxLength: 30 }),
        fc.constantFrom(...policies),
        (hostSpecs, requests, policy) => {
          const hosts = hostSpecs.map((s, i) =>
            host(`h-${String(i).padStart(3, '0')}`, {
              state: s.state as Host['state'],
              tags: s.tags,
              dedicatedTenantId: s.dedicated,
              // Hosts of different sizes, so that a request's share of a host differs between them.
              capacity: { vcpus: 64 * s.size, memoryMiB: 262_144 * s.size, storageGiB: 4096 },
              allocated: { vcpus: s.vcpus, memoryMiB: s.memoryMiB, storageGiB: 0 },
            }),
          );
          const index = indexOf(hosts, policy);
          const ranking = hostRanking(policy);
          const byId = new Map(hosts.map((h) => [h.id, h]));
          for (const r of requests) {
            const req = request({
              resources: { vcpus: r.vcpus, memoryMiB: r.memoryMiB, storageGiB: 0 },
              tags: r.tags,
            });
            const fitting = [...byId.values()].filter((h) => failedFilter(h, req, index) === undefined);
            const score = (h: Host) => ranking.key(h) + (ranking.penalty?.(h, req) ?? 0);
            fitting.sort((a, b) => score(a) - score(b) || (a.id < b.id ? -1 : 1));
            const chosen = first(index, req).id;
            expect(chosen).toBe(fitting[0]?.id);
            const winner = chosen === undefined ? undefined : byId.get(chosen);
            if (winner === undefined) continue;
            const booked = bookedOn(winner, r);
            expect(booked.allocated.vcpus).toBeLessThanOrEqual(booked.capacity.vcpus);
            expect(booked.allocated.memoryMiB).toBeLessThanOrEqual(booked.capacity.memoryMiB);
            byId.set(booked.id, booked);
            index.upsert(booked);
          }
        },
      ),
      { numRuns: 150, seed: 20261127 },
    );
  });
});
