import { describe, expect, it } from 'vitest';
import { createCapacityPlan } from '../../src/scheduler/capacity-plan.js';

describe('capacity plan', () => {
  it('places like the scheduler: fill packs in inventory order, spread disperses', () => {
    const fill = createCapacityPlan({ placement: 'fill' });
    const spread = createCapacityPlan({ placement: 'spread' });
    for (const plan of [fill, spread]) {
      for (let i = 0; i < 12; i++) plan.addHost({ name: `host-${i}`, cpuMilli: 8000, memoryMiB: 16_384 });
    }
    const request = (name: string) => ({ name, cpuMilli: 1500, memoryMiB: 4096 });
    expect([1, 2, 3].map((n) => fill.place(request(`vm-${n}`)))).toEqual([
      { placed: true, host: 'host-0' },
      { placed: true, host: 'host-0' },
      { placed: true, host: 'host-0' },
    ]);
    expect([1, 2, 3].map((n) => spread.place(request(`vm-${n}`)))).toEqual([
      { placed: true, host: 'host-0' },
      { placed: true, host: 'host-1' },
      { placed: true, host: 'host-2' },
    ]);
    expect(fill.hosts()[0]).toEqual({
      name: 'host-0',
      cpuMilli: 8000,
      memoryMiB: 16_384,
      usedCpuMilli: 4500,
      usedMemoryMiB: 12_288,
    });
  });

  it('explains a request that fits nowhere, and honours tags', () => {
    const plan = createCapacityPlan();
    plan.addHost({ name: 'small', cpuMilli: 2000, memoryMiB: 4096 });
    plan.addHost({ name: 'gpu', cpuMilli: 64_000, memoryMiB: 262_144, tags: ['gpu'] });
    expect(plan.place({ name: 'big', cpuMilli: 4000, memoryMiB: 8192 })).toEqual({
      placed: true,
      host: 'gpu',
    });
    expect(plan.place({ name: 'ml', cpuMilli: 1000, memoryMiB: 1024, tags: ['gpu', 'nvme'] })).toEqual({
      placed: false,
      rejectedBy: { tags: 2 },
    });
  });

  it('validates its input with typed errors', () => {
    const plan = createCapacityPlan();
    plan.addHost({ name: 'a', cpuMilli: 1000, memoryMiB: 1024 });
    expect(() => plan.addHost({ name: 'a', cpuMilli: 1000, memoryMiB: 1024 })).toThrow(
      expect.objectContaining({ code: 'ALREADY_EXISTS' }),
    );
    expect(() => plan.addHost({ name: 'b', cpuMilli: 0, memoryMiB: 1024 })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
    expect(() => plan.place({ name: 'x', cpuMilli: 1.5, memoryMiB: 64 })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
    // Below what any offering may ask: the scheduler treats a host with less than 64 MiB free as full.
    expect(() => plan.place({ name: 'x', cpuMilli: 1000, memoryMiB: 32 })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
    expect(() => createCapacityPlan({ placement: 'pack' as never })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
    expect(() => createCapacityPlan({ placement: 'spread', rankBy: 'shape' })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
    plan.place({ name: 'x', cpuMilli: 500, memoryMiB: 256 });
    expect(() => plan.place({ name: 'x', cpuMilli: 500, memoryMiB: 256 })).toThrow(
      expect.objectContaining({ code: 'ALREADY_EXISTS' }),
    );
    expect(() => plan.balance({ band: 0 })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });

  it('balances what arrival order left uneven, moving requests between hosts in the plan', () => {
    const plan = createCapacityPlan({ placement: 'spread' });
    for (let i = 0; i < 4; i++) plan.addHost({ name: `host-${i}`, cpuMilli: 16_000, memoryMiB: 65_536 });
    // Small requests first spread evenly; the large ones that come last land on two hosts only.
    for (let i = 0; i < 8; i++) plan.place({ name: `small-${i}`, cpuMilli: 1000, memoryMiB: 4096 });
    plan.place({ name: 'large-0', cpuMilli: 2000, memoryMiB: 32_768 });
    plan.place({ name: 'large-1', cpuMilli: 2000, memoryMiB: 32_768 });
    const used = () => plan.hosts().map((h) => h.usedMemoryMiB);
    expect(used()).toEqual([40_960, 40_960, 8192, 8192]);

    const round = plan.balance({ band: 0.05, maxMigrations: 10 });
    expect(round.moves.length).toBeGreaterThan(0);
    expect(round.moves.every((m) => m.request.startsWith('small-'))).toBe(true);
    expect(round.imbalanceAfter).toBeLessThan(round.imbalanceBefore);
    // The plan itself now holds the moved requests where the round put them.
    expect(used().reduce((a, b) => a + b, 0)).toBe(8 * 4096 + 2 * 32_768);
    expect(Math.max(...used()) - Math.min(...used())).toBeLessThan(40_960 - 8192);
    expect(plan.balance({ band: 0.05, maxMigrations: 10 }).moves.length).toBeLessThanOrEqual(
      round.moves.length,
    );
  });
});
