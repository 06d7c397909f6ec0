/**
 * bench:scheduler — places VM requests, in arrival order, on a heterogeneous inventory through the
 * public what-if API (`createCapacityPlan`: the scheduler's own capacity index, filters and policy) and
 * prints, as its last line, `{ policy, hosts, vms, placed, placementsPerSec, p50Micros, p99Micros,
 * hostsUsed, lowerBoundHosts, imbalance, rank, seconds, cpuDemandRatio, memoryDemandRatio, rssMiB }`,
 * plus `seed` for a synthetic run or `unplaced` (request names) for a CSV run. With `--balance-band B`,
 * balancing rounds (the cloud balancer's planner, at most 1,000 moves each) then run over the placement
 * until one moves nothing, and the report adds `balanceBand, balancingMigrations, balancingSeconds,
 * imbalanceAfterBalancing`; `imbalance` stays that of the placement alone.
 * Usage: npm run bench:scheduler -- [--hosts 5000] [--vms 50000] [--policy fill|spread]
 *          [--rank memory|cpu|weighted|shape] [--seed 1] [--naive] [--balance-band 0.05] [--json]
 *        npm run bench:scheduler -- --hosts-file hosts.csv --vms-file vms.csv [--policy fill] …
 *
 * Synthetic inventory, drawn with a seeded PRNG (mulberry32), CPU over-commit 1 (cpuMilli = threads or
 * vCPUs × 1000). Hosts: 25 % 32 threads / 128 GiB, 50 % 64 / 256, 20 % 96 / 384, 5 % 128 / 768.
 * Requests (vCPUs / GiB: share): 1/1 10 %, 1/2 12 %, 1/4 8 %, 2/4 12 %, 2/8 16 %, 4/8 6 %, 4/16 14 %,
 * 4/32 4 %, 8/32 7 %, 8/64 3 %, 16/64 4 %, 16/128 1 %, 32/128 3 %. Ten requests per host come to about
 * 67 % of the capacity in both CPU and memory, so everything fits and `hostsUsed` measures packing.
 *
 * `placementsPerSec` is placed requests over the wall time of the whole placement loop; the percentiles
 * are of the per-call times. `lowerBoundHosts`: for CPU and for memory apart, the fewest hosts, largest
 * first, whose capacities cover the placed demand — the larger of the two. `imbalance`: the population
 * standard deviation of memory utilisation over all hosts, idle ones included.
 *
 * `--naive` replaces the plan by a full scan of every host per request (fill: the fitting host in use
 * with the least free memory, else the largest empty one; spread: the lowest memory utilisation plus a
 * tenth of the request's share of the host; ties by host order), the yardstick for the index. CSV files have the header `name,cpu_milli,memory_mib`; bad
 * input exits with code 2. Without `--json` a readable summary line comes first.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createCapacityPlan } from '@ecloud/core';

const PLACEMENTS = ['fill', 'spread'] as const;
const RANKINGS = ['memory', 'cpu', 'weighted', 'shape'] as const;
type Placement = (typeof PLACEMENTS)[number];
type RankBy = (typeof RANKINGS)[number];

interface HostModel {
  readonly threads: number;
  readonly memoryGiB: number;
  readonly weight: number;
}

interface VmSize {
  readonly vcpus: number;
  readonly memoryGiB: number;
  readonly weight: number;
}

/** A non-empty table, so that a weighted pick always has an entry to return. */
type Table<T> = readonly [T, ...T[]];

const HOST_MODELS: Table<HostModel> = [
  { threads: 32, memoryGiB: 128, weight: 25 },
  { threads: 64, memoryGiB: 256, weight: 50 },
  { threads: 96, memoryGiB: 384, weight: 20 },
  { threads: 128, memoryGiB: 768, weight: 5 },
];

/** Skewed to small, as in most private clouds; memory per vCPU from 1 to 8 GiB. */
const VM_SIZES: Table<VmSize> = [
  { vcpus: 1, memoryGiB: 1, weight: 10 },
  { vcpus: 1, memoryGiB: 2, weight: 12 },
  { vcpus: 1, memoryGiB: 4, weight: 8 },
  { vcpus: 2, memoryGiB: 4, weight: 12 },
  { vcpus: 2, memoryGiB: 8, weight: 16 },
  { vcpus: 4, memoryGiB: 8, weight: 6 },
  { vcpus: 4, memoryGiB: 16, weight: 14 },
  { vcpus: 4, memoryGiB: 32, weight: 4 },
  { vcpus: 8, memoryGiB: 32, weight: 7 },
  { vcpus: 8, memoryGiB: 64, weight: 3 },
  { vcpus: 16, memoryGiB: 64, weight: 4 },
  { vcpus: 16, memoryGiB: 128, weight: 1 },
  { vcpus: 32, memoryGiB: 128, weight: 3 },
];

const CSV_HEADER = 'name,cpu_milli,memory_mib';

/** A host or a request, as the plan takes it. */
interface Sized {
  readonly name: string;
  readonly cpuMilli: number;
  readonly memoryMiB: number;
}

interface HostLoad {
  readonly cpuMilli: number;
  readonly memoryMiB: number;
  readonly usedCpuMilli: number;
  readonly usedMemoryMiB: number;
}

interface Scheduler {
  place(request: Sized): boolean;
  hosts(): readonly HostLoad[];
  /** One balancing round with the band; the number of moves made (the naive scan cannot balance). */
  balance?(band: number): number;
}

interface Workload {
  readonly hosts: readonly Sized[];
  readonly requests: readonly Sized[];
  /** `seed` or `unplaced` goes at the end of the report, by the kind of input. */
  readonly csv: boolean;
}

/** Bad arguments or input: reported in one line with exit code 2, no stack trace. */
class UsageError extends Error {}

function parseOptions() {
  let parsed: ReturnType<typeof parseCommandLine>;
  try {
    parsed = parseCommandLine();
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values } = parsed;
  const hostsFile = values['hosts-file'];
  const vmsFile = values['vms-file'];
  if ((hostsFile === undefined) !== (vmsFile === undefined)) {
    throw new UsageError('--hosts-file and --vms-file go together');
  }
  const rank = oneOf('rank', values.rank, RANKINGS);
  if (values.naive && rank !== 'memory') throw new UsageError('--naive ranks by memory only');
  const band = values['balance-band'];
  const balanceBand = band === undefined ? undefined : Number(band);
  if (balanceBand !== undefined && !(balanceBand >= 0.01 && balanceBand <= 0.5))
    throw new UsageError(`--balance-band must be a number from 0.01 to 0.5, got "${band}"`);
  if (values.naive && balanceBand !== undefined) throw new UsageError('--naive cannot balance');
  return {
    hosts: positiveInteger('hosts', values.hosts),
    vms: positiveInteger('vms', values.vms),
    seed: positiveInteger('seed', values.seed),
    policy: oneOf('policy', values.policy, PLACEMENTS),
    rank,
    naive: values.naive,
    balanceBand,
    json: values.json,
    files: hostsFile !== undefined && vmsFile !== undefined ? { hostsFile, vmsFile } : undefined,
  };
}

function parseCommandLine() {
  return parseArgs({
    options: {
      hosts: { type: 'string', default: '5000' },
      vms: { type: 'string', default: '50000' },
      policy: { type: 'string', default: 'fill' },
      rank: { type: 'string', default: 'memory' },
      seed: { type: 'string', default: '1' },
      naive: { type: 'boolean', default: false },
      'balance-band': { type: 'string' },
      json: { type: 'boolean', default: false },
      'hosts-file': { type: 'string' },
      'vms-file': { type: 'string' },
    },
  });
}

function positiveInteger(option: string, value: string): number {
  const number = asPositiveInteger(value);
  if (number === undefined) throw new UsageError(`--${option} must be a positive integer, got "${value}"`);
  return number;
}

/** Digits only: `Number()` alone would take "1e3", "0x10" or " 7". */
function asPositiveInteger(value: string): number | undefined {
  const number = Number(value);
  return /^\d+$/.test(value) && Number.isSafeInteger(number) && number > 0 ? number : undefined;
}

function oneOf<T extends string>(option: string, value: string, allowed: readonly T[]): T {
  const found = allowed.find((candidate) => candidate === value);
  if (found === undefined)
    throw new UsageError(`--${option} must be one of ${allowed.join(', ')}, got "${value}"`);
  return found;
}

/** mulberry32: a small seeded PRNG, so that every run with a seed sees the same inventory. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

function pick<T extends { readonly weight: number }>(table: Table<T>, random: () => number): T {
  let left = random() * table.reduce((sum, entry) => sum + entry.weight, 0);
  for (const entry of table) {
    left -= entry.weight;
    if (left < 0) return entry;
  }
  // random() < 1 and the weights are integers, so the loop has returned; this satisfies the compiler.
  return table[0];
}

function syntheticWorkload(hostCount: number, vmCount: number, seed: number): Workload {
  const random = seededRandom(seed);
  const hosts = Array.from({ length: hostCount }, (_, i) => {
    const model = pick(HOST_MODELS, random);
    return { name: `host-${i}`, cpuMilli: model.threads * 1000, memoryMiB: model.memoryGiB * 1024 };
  });
  const requests = Array.from({ length: vmCount }, (_, i) => {
    const size = pick(VM_SIZES, random);
    return { name: `vm-${i}`, cpuMilli: size.vcpus * 1000, memoryMiB: size.memoryGiB * 1024 };
  });
  return { hosts, requests, csv: false };
}

function csvWorkload(hostsFile: string, vmsFile: string): Workload {
  const hosts = readCsv(hostsFile);
  const seen = new Set<string>();
  hosts.forEach((host, i) => {
    if (seen.has(host.name)) throw new UsageError(`${hostsFile} line ${i + 2}: host "${host.name}" repeats`);
    seen.add(host.name);
  });
  return { hosts, requests: readCsv(vmsFile), csv: true };
}

function readCsv(file: string): Sized[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  if (lines[0]?.trim() !== CSV_HEADER) {
    throw new UsageError(`${file} line 1: the header must be "${CSV_HEADER}", found "${lines[0] ?? ''}"`);
  }
  return lines.slice(1).map((line, i) => csvRow(`${file} line ${i + 2}`, line));
}

function csvRow(where: string, line: string): Sized {
  const fields = line.split(',').map((field) => field.trim());
  if (fields.length !== 3)
    throw new UsageError(`${where}: expected 3 columns (${CSV_HEADER}), found ${fields.length}`);
  const [name = '', cpu = '', memory = ''] = fields;
  if (name === '' || name.length > 255) throw new UsageError(`${where}: name must be 1–255 characters`);
  return {
    name,
    cpuMilli: csvInteger(where, 'cpu_milli', cpu),
    memoryMiB: csvInteger(where, 'memory_mib', memory),
  };
}

function csvInteger(where: string, column: string, value: string): number {
  const number = asPositiveInteger(value);
  if (number === undefined)
    throw new UsageError(`${where}: ${column} must be a positive integer, found "${value}"`);
  return number;
}

/** Moves per balancing round, the cloud balancer's most. */
const BALANCE_ROUND = 1000;
/** Rounds at most: a round that moves nothing ends the balancing sooner. */
const BALANCE_ROUNDS = 100;

/** Balancing rounds until one moves nothing: the moves in all, and the seconds they took to plan. */
function balanceAll(scheduler: Scheduler, band: number): { migrations: number; seconds: number } {
  const started = process.hrtime.bigint();
  let migrations = 0;
  for (let round = 0; round < BALANCE_ROUNDS; round++) {
    const moved = scheduler.balance?.(band) ?? 0;
    migrations += moved;
    if (moved < BALANCE_ROUND) break;
  }
  return { migrations, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

function planScheduler(hosts: readonly Sized[], placement: Placement, rankBy: RankBy): Scheduler {
  const plan = createCapacityPlan({ placement, rankBy });
  for (const host of hosts) plan.addHost(host);
  return {
    place: (request) => plan.place(request).placed,
    hosts: () => plan.hosts(),
    balance: (band) => plan.balance({ band, maxMigrations: BALANCE_ROUND }).moves.length,
  };
}

/** The full scan the index replaces: every host looked at for every request. */
function naiveScheduler(hosts: readonly Sized[], placement: Placement): Scheduler {
  const loads = hosts.map((host) => ({
    cpuMilli: host.cpuMilli,
    memoryMiB: host.memoryMiB,
    usedCpuMilli: 0,
    usedMemoryMiB: 0,
  }));
  // The index's rule, so that both choose the same hosts and only the cost differs.
  const key: (load: HostLoad) => number =
    placement === 'fill'
      ? (load) =>
          load.usedMemoryMiB === 0 && load.usedCpuMilli === 0
            ? Number.MAX_SAFE_INTEGER - load.memoryMiB
            : load.memoryMiB - load.usedMemoryMiB
      : (load) => load.usedMemoryMiB / load.memoryMiB;
  // Spread weighs the request's share of each host a little, as the index does (SPREAD_SHARE_WEIGHT).
  const penalty = (load: HostLoad, request: Sized) =>
    placement === 'spread' ? (0.1 * request.memoryMiB) / load.memoryMiB : 0;
  return {
    place(request) {
      let best: (typeof loads)[number] | undefined;
      let bestKey = Number.POSITIVE_INFINITY;
      for (const load of loads) {
        const fits =
          request.cpuMilli <= load.cpuMilli - load.usedCpuMilli &&
          request.memoryMiB <= load.memoryMiB - load.usedMemoryMiB;
        if (!fits) continue;
        const candidate = key(load) + penalty(load, request);
        if (candidate < bestKey) {
          best = load;
          bestKey = candidate;
        }
      }
      if (best === undefined) return false;
      best.usedCpuMilli += request.cpuMilli;
      best.usedMemoryMiB += request.memoryMiB;
      return true;
    },
    hosts: () => loads,
  };
}

/** Places every request in arrival order; the timings are per call, in microseconds. */
function placeAll(scheduler: Scheduler, requests: readonly Sized[]) {
  const timings = new Float64Array(requests.length);
  const unplaced: string[] = [];
  const started = process.hrtime.bigint();
  requests.forEach((request, i) => {
    const before = process.hrtime.bigint();
    const placed = scheduler.place(request);
    timings[i] = Number(process.hrtime.bigint() - before) / 1000;
    if (!placed) unplaced.push(request.name);
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { timings: timings.sort(), unplaced, seconds };
}

/** The value at or below which `share` of the sorted timings lie (nearest rank). */
function percentile(sorted: Float64Array, share: number): number {
  if (sorted.length === 0) return 0;
  return round(sorted[Math.max(0, Math.ceil(share * sorted.length) - 1)] ?? 0, 1);
}

/** The fewest hosts, largest first, whose capacities add up to `demand`: no placement can use fewer. */
function hostsNeeded(capacities: number[], demand: number): number {
  capacities.sort((a, b) => b - a);
  let count = 0;
  let sum = 0;
  for (const capacity of capacities) {
    if (sum >= demand) break;
    sum += capacity;
    count++;
  }
  return count;
}

function lowerBoundHosts(loads: readonly HostLoad[]): number {
  const cpu = hostsNeeded(
    loads.map((load) => load.cpuMilli),
    total(loads, (load) => load.usedCpuMilli),
  );
  const memory = hostsNeeded(
    loads.map((load) => load.memoryMiB),
    total(loads, (load) => load.usedMemoryMiB),
  );
  return Math.max(cpu, memory);
}

/** Population standard deviation of memory utilisation over every host, idle ones included. */
function imbalance(loads: readonly HostLoad[]): number {
  if (loads.length === 0) return 0;
  const shares = loads.map((load) => load.usedMemoryMiB / load.memoryMiB);
  const mean = shares.reduce((sum, share) => sum + share, 0) / shares.length;
  const variance = shares.reduce((sum, share) => sum + (share - mean) ** 2, 0) / shares.length;
  return round(Math.sqrt(variance), 4);
}

function total<T>(items: readonly T[], value: (item: T) => number): number {
  return items.reduce((sum, item) => sum + value(item), 0);
}

function round(value: number, digits: number): number {
  return Number(value.toFixed(digits));
}

function demandRatio(requests: readonly Sized[], hosts: readonly Sized[], value: (item: Sized) => number) {
  return round(total(requests, value) / total(hosts, value), 3);
}

/** With `--balance-band`: the imbalance once balancing rounds have run, and what they cost. */
function balanced(scheduler: Scheduler, band: number | undefined) {
  if (band === undefined) return {};
  const { migrations, seconds } = balanceAll(scheduler, band);
  return {
    balanceBand: band,
    balancingMigrations: migrations,
    balancingSeconds: round(seconds, 3),
    imbalanceAfterBalancing: imbalance(scheduler.hosts()),
  };
}

function main(): void {
  const options = parseOptions();
  const workload = options.files
    ? csvWorkload(options.files.hostsFile, options.files.vmsFile)
    : syntheticWorkload(options.hosts, options.vms, options.seed);
  const scheduler = options.naive
    ? naiveScheduler(workload.hosts, options.policy)
    : planScheduler(workload.hosts, options.policy, options.rank);
  const run = placeAll(scheduler, workload.requests);
  const loads = scheduler.hosts();
  const placed = workload.requests.length - run.unplaced.length;
  const report = {
    policy: options.naive ? `${options.policy}-naive` : options.policy,
    hosts: workload.hosts.length,
    vms: workload.requests.length,
    placed,
    placementsPerSec: run.seconds > 0 ? Math.round(placed / run.seconds) : 0,
    p50Micros: percentile(run.timings, 0.5),
    p99Micros: percentile(run.timings, 0.99),
    hostsUsed: loads.filter((load) => load.usedCpuMilli > 0 || load.usedMemoryMiB > 0).length,
    lowerBoundHosts: lowerBoundHosts(loads),
    imbalance: imbalance(loads),
    rank: options.rank,
    seconds: round(run.seconds, 3),
    cpuDemandRatio: demandRatio(workload.requests, workload.hosts, (item) => item.cpuMilli),
    memoryDemandRatio: demandRatio(workload.requests, workload.hosts, (item) => item.memoryMiB),
    ...balanced(scheduler, options.balanceBand),
    rssMiB: Math.round(process.memoryUsage().rss / 1024 / 1024),
    ...(workload.csv ? { unplaced: run.unplaced } : { seed: options.seed }),
  };
  if (!options.json) {
    console.log(
      `${report.policy}/${report.rank}: ${placed} of ${report.vms} placed on ${report.hostsUsed} of ` +
        `${report.hosts} hosts (lower bound ${report.lowerBoundHosts}), ${report.placementsPerSec}/s, ` +
        `p50 ${report.p50Micros} µs, p99 ${report.p99Micros} µs, memory imbalance ${report.imbalance}`,
    );
  }
  console.log(JSON.stringify(report));
}

try {
  main();
} catch (error) {
  if (error instanceof UsageError) {
    console.error(`bench:scheduler: ${error.message}`);
    process.exitCode = 2;
  } else {
    console.error(error);
    process.exitCode = 1;
  }
}
