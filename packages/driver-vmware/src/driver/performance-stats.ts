import { EcloudError, parseInput } from '@ecloud/core';
import { z } from 'zod';
import { type ManagedObjectReference, moref } from '../soap/soap-value.js';
import {
  type PerfCounter,
  type PerfEntitySample,
  perfCounters,
  queryLatestSamples,
} from '../vim/performance-manager.js';
import type { VsphereSession } from '../vim/vsphere-session.js';

/**
 * The latest real-time performance sample of one VM or host (requirement R-MON-1), from vCenter's
 * PerformanceManager: the aggregate over all CPUs, disks and NICs of the entity, averaged over the
 * 20-second interval that ended at `sampledAt`. A counter the server did not report for the entity
 * is left out — never reported as 0.
 * @public
 */
export interface VsphereStats {
  /** The managed object id (`vm-42`, `host-12`): the driver's instance or host ref. */
  readonly ref: string;
  readonly type: 'VirtualMachine' | 'HostSystem';
  /** End of the sampled interval, ISO 8601 in UTC. */
  readonly sampledAt: string;
  /** Length of the sampled interval, seconds (20). */
  readonly intervalSeconds: number;
  /** CPU in use, percent of the entity's CPU capacity (`cpu.usage.average`; vSphere sends hundredths). */
  readonly cpuUsedPercent?: number;
  /** CPU in use, MHz (`cpu.usagemhz.average`). */
  readonly cpuUsedMhz?: number;
  /** Memory consumed, MiB (`mem.consumed.average`, sent in KiB): host memory backing the VM, or used on the host. */
  readonly memoryUsedMiB?: number;
  /** Memory actively used (recently touched), MiB (`mem.active.average`, sent in KiB). */
  readonly memoryActiveMiB?: number;
  /** Disk reads, KiB/s (`disk.read.average`; vSphere's "KBps" counts 1,024 bytes). */
  readonly diskReadKBps?: number;
  /** Disk writes, KiB/s (`disk.write.average`). */
  readonly diskWriteKBps?: number;
  /** Network received, KiB/s (`net.received.average`). */
  readonly netRxKBps?: number;
  /** Network transmitted, KiB/s (`net.transmitted.average`). */
  readonly netTxKBps?: number;
}

type StatField = Exclude<keyof VsphereStats, 'ref' | 'type' | 'sampledAt' | 'intervalSeconds'>;

/**
 * Each field: the counter it is read from, the unit the counter must be in, and the divisor to our
 * unit. A counter whose unit is not the one expected is not asked for: a value in an unknown unit
 * would be a wrong number, so the field is left out instead.
 */
const FIELDS: readonly { field: StatField; counter: string; unit: string; divisor: number }[] = [
  { field: 'cpuUsedPercent', counter: 'cpu.usage.average', unit: 'percent', divisor: 100 },
  { field: 'cpuUsedMhz', counter: 'cpu.usagemhz.average', unit: 'megaHertz', divisor: 1 },
  { field: 'memoryUsedMiB', counter: 'mem.consumed.average', unit: 'kiloBytes', divisor: 1024 },
  { field: 'memoryActiveMiB', counter: 'mem.active.average', unit: 'kiloBytes', divisor: 1024 },
  { field: 'diskReadKBps', counter: 'disk.read.average', unit: 'kiloBytesPerSecond', divisor: 1 },
  { field: 'diskWriteKBps', counter: 'disk.write.average', unit: 'kiloBytesPerSecond', divisor: 1 },
  { field: 'netRxKBps', counter: 'net.received.average', unit: 'kiloBytesPerSecond', divisor: 1 },
  { field: 'netTxKBps', counter: 'net.transmitted.average', unit: 'kiloBytesPerSecond', divisor: 1 },
];

/**
 * Entities per `QueryPerf` call. One deployment may hold 50,000 VMs: one call for all of them would
 * be an answer of tens of megabytes (about 1.5 KB per entity for eight counters) built in vCenter's
 * memory, held in ours, and lost whole to one timeout or one vanished VM. 200 entities keep an
 * answer near 300 KB and a call well within its deadline, while 50,000 VMs still take only 250 calls.
 * @public
 */
export const STATS_BATCH_SIZE = 200;

/**
 * Calls in flight at once: enough to hide the round trips of 250 calls, few enough not to load
 * vCenter (whose real-time queries each fan out to the hosts) nor take the session's connection pool.
 */
const PARALLEL_CALLS = 4;

/** Options of {@link readStats}. @public */
export interface ReadStatsOptions {
  /** Aborting stops the read: calls in flight are cancelled, the promise rejects with `CANCELLED`. */
  readonly signal: AbortSignal;
  /** Entities per `QueryPerf` call, 1–1000 (default {@link STATS_BATCH_SIZE}). */
  readonly batchSize?: number;
}

const Ref = z.object({
  type: z.enum(['VirtualMachine', 'HostSystem']),
  value: z.string().min(1).max(256),
});
const Refs = z.array(Ref);
const Options = z.object({
  signal: z.instanceof(AbortSignal),
  batchSize: z.number().int().min(1).max(1000).optional(),
});

/**
 * The latest real-time statistics of VMs and hosts, keyed by managed object id: the counter table
 * is resolved by name once per session, then one `QueryPerf` per batch of
 * {@link STATS_BATCH_SIZE} entities (a few batches in parallel) — never a call per entity. An entity
 * the server has no sample for (a powered-off VM, a host not connected) has no entry; one the server
 * does not know (`ManagedObjectNotFound`) has no entry either. Refs that are
 * not VMs or hosts, or two of different types with the same id, are `INVALID_ARGUMENT`; a server
 * without the PerformanceManager or without any of these counters is `UNSUPPORTED`.
 * @public
 */
export async function readStats(
  session: VsphereSession,
  refs: readonly ManagedObjectReference[],
  options: ReadStatsOptions,
): Promise<Map<string, VsphereStats>> {
  const parsedOptions = parseInput(Options, options, 'performance statistics options');
  const entities = distinctEntities(parseInput(Refs, refs, 'performance statistics refs'));
  const { signal } = parsedOptions;
  if (signal.aborted) throw new EcloudError('CANCELLED', 'Reading performance statistics was cancelled.');
  const stats = new Map<string, VsphereStats>();
  if (entities.length === 0) return stats;

  const table = await perfCounters(session, { signal });
  const fields = FIELDS.flatMap((f) => {
    const counter = table.get(f.counter);
    return counter && counter.unit === f.unit ? [{ ...f, counter }] : [];
  });
  if (fields.length === 0) {
    throw new EcloudError('UNSUPPORTED', 'This vSphere server reports none of the statistics asked for.', {
      details: { counters: FIELDS.map((f) => f.counter) },
    });
  }
  const counters: PerfCounter[] = fields.map((f) => f.counter);

  const size = parsedOptions.batchSize ?? STATS_BATCH_SIZE;
  const batches: ManagedObjectReference[][] = [];
  for (let i = 0; i < entities.length; i += size) batches.push(entities.slice(i, i + size));

  // The first failure stops the rest: no new batch starts, the calls in flight are cancelled.
  const stop = new AbortController();
  const callSignal = AbortSignal.any([signal, stop.signal]);
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (failure === undefined && next < batches.length) {
      const batch = batches[next++] as ManagedObjectReference[];
      try {
        for (const sample of await queryBatch(session, batch, counters, callSignal))
          stats.set(sample.entity.value, toStats(sample, fields));
      } catch (error) {
        failure ??= { error };
        stop.abort();
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_CALLS, batches.length) }, worker));
  if (failure) throw failure.error;
  return stats;
}

/**
 * One batch's samples. An entity vCenter no longer has (a VM deleted since its ref was read) fails the
 * whole `QueryPerf` naming it: it is left out and the rest asked again — a monitoring sweep over
 * thousands of VMs must not fail for one that just went. Each retry drops one entity, so it ends.
 */
async function queryBatch(
  session: VsphereSession,
  batch: readonly ManagedObjectReference[],
  counters: readonly PerfCounter[],
  signal: AbortSignal,
): Promise<PerfEntitySample[]> {
  let left = [...batch];
  for (;;) {
    try {
      return await queryLatestSamples(session, left, counters, { signal });
    } catch (error) {
      const gone = EcloudError.is(error) && error.code === 'NOT_FOUND' ? error.details.obj : undefined;
      const remaining = left.filter((ref) => ref.value !== gone);
      if (remaining.length === left.length) throw error;
      left = remaining;
      if (left.length === 0) return [];
    }
  }
}

/** Distinct refs as morefs; the same id under two types would make the result's key ambiguous. */
function distinctEntities(refs: readonly z.output<typeof Ref>[]): ManagedObjectReference[] {
  const byId = new Map<string, ManagedObjectReference>();
  for (const ref of refs) {
    const known = byId.get(ref.value);
    if (known && known.type !== ref.type) {
      throw new EcloudError(
        'INVALID_ARGUMENT',
        `Refs ${known.type}:${ref.value} and ${ref.type}:${ref.value} share an id; ask for them apart.`,
        { details: { ref: ref.value, types: [known.type, ref.type] } },
      );
    }
    if (!known) byId.set(ref.value, moref(ref.type, ref.value));
  }
  return [...byId.values()];
}

function toStats(
  sample: PerfEntitySample,
  fields: readonly { field: StatField; counter: PerfCounter; divisor: number }[],
): VsphereStats {
  const stats: { -readonly [K in keyof VsphereStats]: VsphereStats[K] } = {
    ref: sample.entity.value,
    type: sample.entity.type as VsphereStats['type'],
    sampledAt: sample.sampledAt,
    intervalSeconds: sample.intervalSeconds,
  };
  for (const { field, counter, divisor } of fields) {
    const raw = sample.values.get(counter.key);
    if (raw !== undefined) stats[field] = raw / divisor;
  }
  return stats;
}
