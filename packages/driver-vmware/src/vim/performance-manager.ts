import { EcloudError } from '@ecloud/core';
import type { SoapCallOptions } from '../soap/soap-client.js';
import { type ManagedObjectReference, moref, type SoapObject } from '../soap/soap-value.js';
import { child, childrenNamed, malformedAnswer, type XmlNode } from '../soap/xml-node.js';
import { retrieveObjects } from './property-collector.js';
import { asArray, isReference, type VimObject, type VimValue } from './vim-value.js';
import type { VsphereSession } from './vsphere-session.js';

/**
 * One row of the server's counter table (`PerfCounterInfo`), named as vSphere names it.
 * @internal
 */
export interface PerfCounter {
  /** The id `QueryPerf` takes; it differs between servers, so it is always looked up by name. */
  readonly key: number;
  /** `group.name.rollup`: `cpu.usage.average`, `mem.consumed.average`, … */
  readonly name: string;
  /**
   * The unit key of `unitInfo`: `percent` (reported in hundredths of a percent), `kiloBytes` (KiB),
   * `kiloBytesPerSecond` (KiB/s), `megaHertz`, `number`, …
   */
  readonly unit: string;
}

/** The latest real-time sample of one entity, as reported (no unit conversion). @internal */
export interface PerfEntitySample {
  readonly entity: ManagedObjectReference;
  /** End of the sampled interval, ISO 8601 in UTC. */
  readonly sampledAt: string;
  /** Length of the sampled interval in seconds (20 for real-time statistics). */
  readonly intervalSeconds: number;
  /**
   * Counter key → the aggregate value (instance `''`) in the counter's own unit. A counter the
   * server did not report for this entity, or reported as "no data" (a negative value: vSphere
   * sends -1), is absent.
   */
  readonly values: ReadonlyMap<number, number>;
}

/** `intervalId` of real-time statistics: the hosts' own 20-second samples. @internal */
export const REALTIME_INTERVAL_SECONDS = 20;

// The counter table of each session's server. vSphere never renumbers counters while it runs, so one
// read per session is enough; the promise is cached, so concurrent first callers share one read.
const COUNTERS = new WeakMap<VsphereSession, Promise<ReadonlyMap<string, PerfCounter>>>();

function performanceManager(session: VsphereSession): ManagedObjectReference {
  const manager = session.content.perfManager;
  if (!manager) {
    throw new EcloudError('UNSUPPORTED', 'This vSphere server has no PerformanceManager.', {
      details: { apiType: session.content.about.apiType },
    });
  }
  return manager;
}

/**
 * The server's counters by full name (`cpu.usage.average`), read once per session from the
 * PerformanceManager's `perfCounter` property and cached for the session's life. A failed read is
 * not cached. The read is shared: one caller aborting stops its own wait (`CANCELLED`), not the
 * read the others wait for, which ends by the session's call deadline.
 * @internal
 */
export async function perfCounters(
  session: VsphereSession,
  options: Pick<SoapCallOptions, 'signal'> = {},
): Promise<ReadonlyMap<string, PerfCounter>> {
  const manager = performanceManager(session);
  let table = COUNTERS.get(session);
  if (!table) {
    const read = readCounters(session, manager);
    table = read;
    COUNTERS.set(session, read);
    read.catch(() => {
      if (COUNTERS.get(session) === read) COUNTERS.delete(session);
    });
  }
  return untilAborted(table, options.signal, 'PerformanceManager.perfCounter');
}

async function readCounters(
  session: VsphereSession,
  manager: ManagedObjectReference,
): Promise<ReadonlyMap<string, PerfCounter>> {
  const [content] = await retrieveObjects(session, [manager], 'PerformanceManager', ['perfCounter']);
  const value = content?.props.get('perfCounter');
  if (value === undefined) {
    const fault = content?.missing.get('perfCounter');
    throw malformedAnswer(
      fault
        ? `PerformanceManager.perfCounter could not be read (${fault})`
        : 'PerformanceManager has no perfCounter',
    );
  }
  const table = new Map<string, PerfCounter>();
  for (const info of asArray(value)) {
    const counter = readCounter(info);
    // Should a server list one name twice, the first row wins: the choice stays the same all session.
    if (!table.has(counter.name)) table.set(counter.name, counter);
  }
  return table;
}

function readCounter(info: VimValue): PerfCounter {
  if (typeof info !== 'object' || info === null || Array.isArray(info) || isReference(info))
    throw malformedAnswer('a PerfCounterInfo is not a data object');
  const object = info as VimObject;
  const key = typeof object.key === 'string' ? integer(object.key, 'a PerfCounterInfo key') : object.key;
  if (typeof key !== 'number' || !Number.isSafeInteger(key))
    throw malformedAnswer('a PerfCounterInfo has no integer key');
  const text = (field: string, inner?: string): string => {
    const raw = inner === undefined ? object[field] : (object[field] as VimObject | undefined)?.[inner];
    if (typeof raw !== 'string' || raw === '')
      throw malformedAnswer(`PerfCounterInfo ${key} has no ${inner ? `${field}.${inner}` : field}`);
    return raw;
  };
  return {
    key,
    name: `${text('groupInfo', 'key')}.${text('nameInfo', 'key')}.${text('rollupType')}`,
    unit: text('unitInfo', 'key'),
  };
}

/** `promise`, or `CANCELLED` as soon as `signal` aborts. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined, what: string): Promise<T> {
  const cancelled = () =>
    new EcloudError('CANCELLED', `Reading ${what} was cancelled.`, { details: { method: what } });
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(cancelled());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(cancelled());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * The latest real-time sample (`intervalId` 20, `maxSample` 1) of the aggregate (instance `''`) of
 * `counters` for every entity in ONE `QueryPerf` call — the caller bounds how many entities one call
 * carries. Resolves with one sample per entity the server had a sample for, in the server's order;
 * an entity without one (a powered-off VM on vCenter) is left out. Faults come mapped by the fault
 * table (`ManagedObjectNotFound` is `NOT_FOUND`); an answer that cannot be read is a `DRIVER_FAILURE`.
 * @internal
 */
export async function queryLatestSamples(
  session: VsphereSession,
  entities: readonly ManagedObjectReference[],
  counters: readonly PerfCounter[],
  options: SoapCallOptions = {},
): Promise<PerfEntitySample[]> {
  const manager = performanceManager(session);
  if (entities.length === 0 || counters.length === 0) return [];
  const metricId = counters.map((c) => ({ counterId: c.key, instance: '' }));
  // PerfQuerySpec's fields in the WSDL's order: entity, startTime, endTime, maxSample, metricId,
  // intervalId, format. No startTime: the newest sample.
  const querySpec: SoapObject[] = entities.map((entity) => ({
    entity: moref(entity.type, entity.value),
    maxSample: 1,
    metricId,
    intervalId: REALTIME_INTERVAL_SECONDS,
    format: 'normal',
  }));
  const answers = await session.call('QueryPerf', manager, { querySpec }, options);
  const asked = new Set(entities.map(entityKey));
  const wanted = new Set(counters.map((c) => c.key));
  const seen = new Set<string>();
  const samples: PerfEntitySample[] = [];
  for (const answer of answers) {
    const sample = readEntityMetric(answer, wanted);
    const key = entityKey(sample?.entity ?? entityOf(answer));
    if (!asked.has(key)) throw malformedAnswer(`QueryPerf answered for ${key}, which was not asked`);
    if (seen.has(key)) throw malformedAnswer(`QueryPerf answered twice for ${key}`);
    seen.add(key);
    if (sample) samples.push(sample);
  }
  return samples;
}

const entityKey = (ref: ManagedObjectReference) => `${ref.type}:${ref.value}`;

function entityOf(node: XmlNode): ManagedObjectReference {
  const entity = child(node, 'entity');
  if (!entity || entity.attrs.type === undefined || entity.children.length > 0 || entity.text === '')
    throw malformedAnswer('a PerfEntityMetric names no entity');
  return moref(entity.attrs.type, entity.text);
}

/** One `PerfEntityMetric`; undefined when it holds no sample. */
function readEntityMetric(node: XmlNode, wanted: ReadonlySet<number>): PerfEntitySample | undefined {
  if (node.xsiType !== undefined && node.xsiType !== 'PerfEntityMetric')
    throw malformedAnswer(`QueryPerf answered a ${node.xsiType}, not the PerfEntityMetric asked for`);
  const entity = entityOf(node);
  const where = `the PerfEntityMetric of ${entityKey(entity)}`;
  const infos = childrenNamed(node, 'sampleInfo').map((info) => ({
    at: timestamp(child(info, 'timestamp')?.text, where),
    interval: integer(child(info, 'interval')?.text, `${where}: sampleInfo.interval`),
  }));
  if (infos.some((info) => info.interval <= 0))
    throw malformedAnswer(`${where}: a sampleInfo.interval is not positive`);
  if (infos.length === 0) return undefined;
  // maxSample 1 asks for one sample; should more come, the newest is the one reported. Servers differ
  // in order (vCenter oldest first, the simulator newest first), so it is picked by time.
  let newest = 0;
  for (let i = 1; i < infos.length; i++) if ((infos[i]?.at ?? 0) > (infos[newest]?.at ?? 0)) newest = i;
  const values = new Map<number, number>();
  for (const series of childrenNamed(node, 'value')) {
    if (series.xsiType !== undefined && series.xsiType !== 'PerfMetricIntSeries')
      throw malformedAnswer(`${where} holds a ${series.xsiType}, not a PerfMetricIntSeries`);
    const id = child(series, 'id');
    if (!id) throw malformedAnswer(`${where} holds a series without an id`);
    const counterId = integer(child(id, 'counterId')?.text, `${where}: a series' counterId`);
    // Only the aggregates asked for; a server may add per-instance series, which are not ours to sum.
    if (!wanted.has(counterId) || (child(id, 'instance')?.text ?? '') !== '') continue;
    const points = childrenNamed(series, 'value').map((v) =>
      integer(v.text, `${where}: a value of counter ${counterId}`),
    );
    // No value at all is no data (the simulator also leaves out a value of 0 that way: Go's XML
    // encoder omits zero integers). A partial series cannot be lined up with the samples.
    if (points.length === 0) continue;
    if (points.length !== infos.length)
      throw malformedAnswer(
        `${where}: counter ${counterId} has ${points.length} values for ${infos.length} samples`,
      );
    const point = points[newest] as number;
    if (point >= 0) values.set(counterId, point);
  }
  const info = infos[newest] as { at: number; interval: number };
  return {
    entity,
    sampledAt: new Date(info.at).toISOString(),
    intervalSeconds: info.interval,
    values,
  };
}

const INTEGER = /^\s*-?\d{1,18}\s*$/;

function integer(text: string | undefined, where: string): number {
  if (text === undefined || !INTEGER.test(text)) throw malformedAnswer(`${where} is not an integer`);
  return Number(text);
}

// xsd:dateTime. Without a zone it is taken as UTC: vSphere reports UTC.
const DATE_TIME = /^\s*(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?)(Z|[+-]\d{2}:\d{2})?\s*$/;

function timestamp(text: string | undefined, where: string): number {
  const match = text === undefined ? null : DATE_TIME.exec(text);
  const at = match ? Date.parse(`${match[1]}${match[2] ?? 'Z'}`) : Number.NaN;
  if (!Number.isFinite(at)) throw malformedAnswer(`${where}: sampleInfo.timestamp is not a date and time`);
  return at;
}
