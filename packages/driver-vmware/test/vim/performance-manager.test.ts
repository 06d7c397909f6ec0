import { EcloudError } from '@ecloud/core';
import type { MockAgent } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { expectRejectsEcloud } from '../../../../test-support/ecloud-errors.js';
import { readStats, STATS_BATCH_SIZE, type VsphereStats } from '../../src/driver/performance-stats.js';
import { type ManagedObjectReference, moref } from '../../src/soap/soap-value.js';
import { child, childrenNamed, parseXml, type XmlNode } from '../../src/soap/xml-node.js';
import { perfCounters, queryLatestSamples } from '../../src/vim/performance-manager.js';
import { VsphereSession } from '../../src/vim/vsphere-session.js';
import { answer, faultAnswer, mocked, URL_SDK } from '../helpers/soap.js';

// The PerformanceManager reader and the driver's statistics over undici's MockAgent: a fake vCenter
// that answers by SOAP method and records every request, so the tests see how many calls were made
// and exactly what each one asked for.

const signal = new AbortController().signal;
const vm = (id: string) => moref('VirtualMachine', id);
const host = (id: string) => moref('HostSystem', id);

/** A counter of the fake server's table: keys deliberately unlike any real vCenter's. */
interface FakeCounter {
  readonly key: number;
  readonly group: string;
  readonly name: string;
  readonly rollup: string;
  readonly unit: string;
}

const COUNTERS: readonly FakeCounter[] = [
  { key: 1, group: 'cpu', name: 'usage', rollup: 'none', unit: 'percent' },
  { key: 1002, group: 'cpu', name: 'usage', rollup: 'average', unit: 'percent' },
  { key: 1006, group: 'cpu', name: 'usagemhz', rollup: 'average', unit: 'megaHertz' },
  { key: 1033, group: 'mem', name: 'active', rollup: 'average', unit: 'kiloBytes' },
  { key: 1098, group: 'mem', name: 'consumed', rollup: 'average', unit: 'kiloBytes' },
  { key: 1130, group: 'disk', name: 'read', rollup: 'average', unit: 'kiloBytesPerSecond' },
  { key: 1131, group: 'disk', name: 'write', rollup: 'average', unit: 'kiloBytesPerSecond' },
  { key: 1148, group: 'net', name: 'received', rollup: 'average', unit: 'kiloBytesPerSecond' },
  { key: 1149, group: 'net', name: 'transmitted', rollup: 'average', unit: 'kiloBytesPerSecond' },
];
const KEY = {
  cpu: 1002,
  mhz: 1006,
  active: 1033,
  consumed: 1098,
  read: 1130,
  write: 1131,
  rx: 1148,
  tx: 1149,
} as const;
const ALL_KEYS = Object.values(KEY).sort((a, b) => a - b);

function counterXml(c: FakeCounter): string {
  const description = (key: string) => `<label>${key}</label><summary>${key}</summary><key>${key}</key>`;
  return (
    `<PerfCounterInfo><key>${c.key}</key>` +
    `<nameInfo xsi:type="ElementDescription">${description(c.name)}</nameInfo>` +
    `<groupInfo xsi:type="ElementDescription">${description(c.group)}</groupInfo>` +
    `<unitInfo xsi:type="ElementDescription">${description(c.unit)}</unitInfo>` +
    `<rollupType>${c.rollup}</rollupType><statsType>rate</statsType><level>1</level><perDeviceLevel>3</perDeviceLevel>` +
    '</PerfCounterInfo>'
  );
}

function counterTable(counters: readonly FakeCounter[] = COUNTERS): string {
  return answer(
    'RetrievePropertiesEx',
    '<returnval><objects><obj type="PerformanceManager">PerfMgr</obj><propSet><name>perfCounter</name>' +
      `<val xsi:type="ArrayOfPerfCounterInfo">${counters.map(counterXml).join('')}</val></propSet></objects></returnval>`,
  );
}

const AT = '2024-05-06T07:08:20Z';

/** A `PerfEntityMetric` for `entity`: one sample at `at`, a series per counter (no values: `[]`). */
function entityMetric(
  entity: ManagedObjectReference,
  series: Readonly<Record<number, readonly (number | string)[]>>,
  at: string | readonly string[] = AT,
): string {
  const times = typeof at === 'string' ? [at] : at;
  return (
    `<returnval xsi:type="PerfEntityMetric"><entity type="${entity.type}">${entity.value}</entity>` +
    times.map((t) => `<sampleInfo><timestamp>${t}</timestamp><interval>20</interval></sampleInfo>`).join('') +
    Object.entries(series)
      .map(
        ([id, values]) =>
          `<value xsi:type="PerfMetricIntSeries"><id><counterId>${id}</counterId><instance></instance></id>` +
          `${values.map((v) => `<value>${v}</value>`).join('')}</value>`,
      )
      .join('') +
    '</returnval>'
  );
}

/** Every counter of ours, with the same value for all. */
const allSeries = (value: number) => Object.fromEntries(ALL_KEYS.map((k) => [k, [value]]));

/** What one QueryPerf asked, read back from the request. */
interface AskedSpec {
  readonly entity: string;
  readonly counters: readonly number[];
  readonly instances: readonly string[];
  readonly intervalId: string | undefined;
  readonly maxSample: string | undefined;
  readonly format: string | undefined;
  readonly fieldOrder: readonly string[];
}

/** The `QueryPerf` element of a request. */
async function queryPerfOf(request: string): Promise<XmlNode> {
  const body = child(await parseXml(request), 'Body')?.children[0];
  if (body?.name !== 'QueryPerf') throw new Error('not a QueryPerf request');
  return body;
}

/** Every entity a QueryPerf request names, as `type:id`. */
const entitiesIn = (request: string) =>
  [...request.matchAll(/<entity type="(\w+)">([^<]*)<\/entity>/g)].map((m) => moref(m[1] ?? '', m[2] ?? ''));

/** An answer for every entity a request names, each with `series`. */
const echo = (request: string, series: Readonly<Record<number, readonly number[]>>) =>
  entitiesIn(request)
    .map((entity) => entityMetric(entity, series))
    .join('');

async function askedSpecs(request: string): Promise<AskedSpec[]> {
  const queryPerf = await queryPerfOf(request);
  return childrenNamed(queryPerf, 'querySpec').map((spec) => {
    const entity = child(spec, 'entity');
    const ids = childrenNamed(spec, 'metricId');
    return {
      entity: `${entity?.attrs.type}:${entity?.text}`,
      counters: ids.map((m) => Number(child(m, 'counterId')?.text)),
      instances: ids.map((m) => child(m, 'instance')?.text ?? '(none)'),
      intervalId: child(spec, 'intervalId')?.text,
      maxSample: child(spec, 'maxSample')?.text,
      format: child(spec, 'format')?.text,
      fieldOrder: [...new Set(spec.children.map((c) => c.name))],
    };
  });
}

/** Answers one request, given its body element's XML (MockAgent wants the answer synchronously). */
type Handler = (body: string) => string | { status: number; body: string };

interface FakeVcenter {
  readonly agent: MockAgent;
  readonly session: VsphereSession;
  /** Methods called, in order (login included). */
  readonly calls: string[];
  /** The XML of each QueryPerf request. */
  readonly queries: string[];
}

let agents: MockAgent[] = [];
afterEach(async () => {
  await Promise.all(agents.map((a) => a.close()));
  agents = [];
});

/**
 * A vCenter over MockAgent. `handlers` answer methods beyond the login; by default the counter
 * table is {@link COUNTERS} and QueryPerf answers every entity with `allSeries(100)`.
 */
async function fakeVcenter(
  handlers: Partial<Record<string, Handler>> = {},
  { perfManager = true } = {},
): Promise<FakeVcenter> {
  const { agent, pool } = mocked();
  agents.push(agent);
  const calls: string[] = [];
  const queries: string[] = [];
  const serviceContent =
    '<returnval><rootFolder type="Folder">group-d1</rootFolder>' +
    '<propertyCollector type="PropertyCollector">propertyCollector</propertyCollector>' +
    '<viewManager type="ViewManager">ViewManager</viewManager>' +
    '<about><fullName>Fake vCenter</fullName><apiType>VirtualCenter</apiType><apiVersion>6.5</apiVersion></about>' +
    '<sessionManager type="SessionManager">SessionManager</sessionManager>' +
    '<searchIndex type="SearchIndex">SearchIndex</searchIndex>' +
    (perfManager ? '<perfManager type="PerformanceManager">PerfMgr</perfManager>' : '') +
    '</returnval>';
  const all: Record<string, Handler> = {
    RetrieveServiceContent: () => answer('RetrieveServiceContent', serviceContent),
    Login: () => answer('Login', '<returnval><key>s-1</key></returnval>'),
    RetrievePropertiesEx: () => counterTable(),
    QueryPerf: (body) => answer('QueryPerf', echo(body, allSeries(100))),
    ...(handlers as Record<string, Handler>),
  };
  pool
    .intercept({ path: '/sdk', method: 'POST' })
    .reply((request) => {
      const body = String(request.body);
      const method = /<soapenv:Body><(\w+)/.exec(body)?.[1] ?? '(none)';
      calls.push(method);
      if (method === 'QueryPerf') queries.push(body);
      const handler = all[method];
      if (!handler) return { statusCode: 500, data: faultAnswer('MethodNotFound', `no ${method}`) };
      const reply = handler(body);
      return typeof reply === 'string'
        ? { statusCode: 200, data: reply }
        : { statusCode: reply.status, data: reply.body };
    })
    .persist();
  const session = await VsphereSession.login({ url: URL_SDK, username: 'u', password: 'p' }, agent);
  return { agent, session, calls, queries };
}

const counted = (calls: readonly string[], method: string) => calls.filter((c) => c === method).length;

describe('the counter table', () => {
  it('is resolved by full name, whatever keys the server gives', async () => {
    const { session } = await fakeVcenter();
    const table = await perfCounters(session);
    expect(table.get('cpu.usage.average')).toEqual({ key: 1002, name: 'cpu.usage.average', unit: 'percent' });
    expect(table.get('cpu.usage.none')?.key).toBe(1);
    expect(table.get('mem.consumed.average')).toMatchObject({ key: 1098, unit: 'kiloBytes' });
    expect(table.get('disk.read.maximum')).toBeUndefined();
  });

  it('is read once per session: later and concurrent reads make no second counter query', async () => {
    const { session, calls } = await fakeVcenter();
    const [a, b] = await Promise.all([perfCounters(session), perfCounters(session)]);
    expect(a).toBe(b);
    await readStats(session, [vm('vm-1')], { signal });
    await readStats(session, [host('host-1')], { signal });
    expect(await perfCounters(session)).toBe(a);
    expect(counted(calls, 'RetrievePropertiesEx')).toBe(1);
    expect(counted(calls, 'QueryPerf')).toBe(2);
  });

  it('is cached per session: another session reads its own', async () => {
    const first = await fakeVcenter();
    const second = await fakeVcenter();
    await perfCounters(first.session);
    await perfCounters(second.session);
    expect(counted(first.calls, 'RetrievePropertiesEx')).toBe(1);
    expect(counted(second.calls, 'RetrievePropertiesEx')).toBe(1);
  });

  it('does not cache a failed read: the next call reads again', async () => {
    let broken = true;
    const { session, calls } = await fakeVcenter({
      RetrievePropertiesEx: () =>
        broken
          ? counterTable([
              { key: Number.NaN, group: 'cpu', name: 'usage', rollup: 'average', unit: 'percent' },
            ])
          : counterTable(),
    });
    const error = await expectRejectsEcloud(perfCounters(session), 'DRIVER_FAILURE');
    expect(error.details.reason).toBe('malformed-answer');
    broken = false;
    expect((await perfCounters(session)).get('cpu.usage.average')?.key).toBe(1002);
    expect(counted(calls, 'RetrievePropertiesEx')).toBe(2);
  });

  it('refuses an aborted caller without breaking the read the others share', async () => {
    const { session } = await fakeVcenter();
    const controller = new AbortController();
    const aborted = perfCounters(session, { signal: controller.signal });
    const other = perfCounters(session);
    controller.abort();
    await expectRejectsEcloud(aborted, 'CANCELLED');
    expect((await other).size).toBe(COUNTERS.length);
  });

  it.each([
    [
      'a counter without a group',
      '<PerfCounterInfo><key>3</key><nameInfo><key>x</key></nameInfo></PerfCounterInfo>',
    ],
    ['a key that is not an integer', counterXml({ ...(COUNTERS[1] as FakeCounter), key: 1.5 })],
    ['a counter that is plain text', '<PerfCounterInfo>cpu</PerfCounterInfo>'],
  ])('refuses a table with %s as a malformed answer', async (_label, row) => {
    const { session } = await fakeVcenter({
      RetrievePropertiesEx: () =>
        answer(
          'RetrievePropertiesEx',
          '<returnval><objects><obj type="PerformanceManager">PerfMgr</obj><propSet><name>perfCounter</name>' +
            `<val xsi:type="ArrayOfPerfCounterInfo">${counterXml(COUNTERS[0] as FakeCounter)}${row}</val></propSet></objects></returnval>`,
        ),
    });
    const error = await expectRejectsEcloud(perfCounters(session), 'DRIVER_FAILURE');
    expect(error.details.reason).toBe('malformed-answer');
  });

  it('says why when the server leaves perfCounter out', async () => {
    const { session } = await fakeVcenter({
      RetrievePropertiesEx: () =>
        answer(
          'RetrievePropertiesEx',
          '<returnval><objects><obj type="PerformanceManager">PerfMgr</obj><missingSet><path>perfCounter</path>' +
            '<fault><fault xsi:type="NoPermission"></fault></fault></missingSet></objects></returnval>',
        ),
    });
    const error = await expectRejectsEcloud(perfCounters(session), 'DRIVER_FAILURE');
    expect(error.message).toContain('NoPermission');
  });

  it('is UNSUPPORTED on a server without a PerformanceManager', async () => {
    const { session, calls } = await fakeVcenter({}, { perfManager: false });
    await expectRejectsEcloud(perfCounters(session), 'UNSUPPORTED');
    await expectRejectsEcloud(readStats(session, [vm('vm-1')], { signal }), 'UNSUPPORTED');
    expect(counted(calls, 'QueryPerf')).toBe(0);
  });
});

describe('one QueryPerf for many entities', () => {
  it('asks for every entity and every counter of ours, by the server keys, in one call', async () => {
    const { session, queries } = await fakeVcenter();
    const refs = [vm('vm-1'), vm('vm-2'), host('host-9'), vm('vm-1')];
    const stats = await readStats(session, refs, { signal });
    expect(queries).toHaveLength(1);
    const specs = await askedSpecs(queries[0] as string);
    // The duplicate vm-1 is asked once.
    expect(specs.map((s) => s.entity)).toEqual([
      'VirtualMachine:vm-1',
      'VirtualMachine:vm-2',
      'HostSystem:host-9',
    ]);
    expect(child(await queryPerfOf(queries[0] as string), '_this')?.text).toBe('PerfMgr');
    for (const spec of specs) {
      expect([...spec.counters].sort((a, b) => a - b)).toEqual(ALL_KEYS);
      expect(spec.instances.every((i) => i === '')).toBe(true);
      expect(spec).toMatchObject({ intervalId: '20', maxSample: '1', format: 'normal' });
      // The WSDL's sequence: vCenter refuses fields out of order.
      expect(spec.fieldOrder).toEqual(['entity', 'maxSample', 'metricId', 'intervalId', 'format']);
    }
    expect([...stats.keys()].sort()).toEqual(['host-9', 'vm-1', 'vm-2']);
    expect(stats.get('host-9')).toMatchObject({ ref: 'host-9', type: 'HostSystem' });
  });

  it('makes no call at all for no refs', async () => {
    const { session, calls } = await fakeVcenter();
    expect((await readStats(session, [], { signal })).size).toBe(0);
    expect(calls).toEqual(['RetrieveServiceContent', 'Login']);
  });

  it('answers with the samples the reader decoded, raw, one per entity, only the counters asked', async () => {
    const { session } = await fakeVcenter();
    const table = await perfCounters(session);
    const counters = [table.get('cpu.usage.average'), table.get('mem.consumed.average')].filter(
      (c) => c !== undefined,
    );
    const samples = await queryLatestSamples(session, [vm('vm-1'), host('host-1')], counters, { signal });
    expect(samples.map((s) => s.entity.value)).toEqual(['vm-1', 'host-1']);
    expect(samples[0]).toMatchObject({ sampledAt: '2024-05-06T07:08:20.000Z', intervalSeconds: 20 });
    // The fake server answers all eight series; the two asked for are the ones kept.
    expect([...(samples[0]?.values ?? [])]).toEqual([
      [KEY.cpu, 100],
      [KEY.consumed, 100],
    ]);
  });
});

describe('units', () => {
  it('converts hundredths of a percent to percent and KiB to MiB, and keeps MHz and KBps', async () => {
    const { session } = await fakeVcenter({
      QueryPerf: () =>
        answer(
          'QueryPerf',
          entityMetric(vm('vm-1'), {
            [KEY.cpu]: [853],
            [KEY.mhz]: [1204],
            [KEY.consumed]: [2097152],
            [KEY.active]: [1536],
            [KEY.read]: [42],
            [KEY.write]: [3373],
            [KEY.rx]: [0],
            [KEY.tx]: [838],
          }),
        ),
    });
    const stats = await readStats(session, [vm('vm-1')], { signal });
    expect(stats.get('vm-1')).toEqual({
      ref: 'vm-1',
      type: 'VirtualMachine',
      sampledAt: '2024-05-06T07:08:20.000Z',
      intervalSeconds: 20,
      cpuUsedPercent: 8.53,
      cpuUsedMhz: 1204,
      memoryUsedMiB: 2048,
      memoryActiveMiB: 1.5,
      diskReadKBps: 42,
      diskWriteKBps: 3373,
      netRxKBps: 0,
      netTxKBps: 838,
    } satisfies VsphereStats);
  });

  it('reports a timestamp with nanoseconds or an offset in UTC', async () => {
    const { session } = await fakeVcenter({
      QueryPerf: () =>
        answer(
          'QueryPerf',
          entityMetric(vm('vm-1'), allSeries(1), '2026-11-27T23:42:53.014370717Z') +
            entityMetric(vm('vm-2'), allSeries(1), '2024-01-01T02:00:00+02:00'),
        ),
    });
    const stats = await readStats(session, [vm('vm-1'), vm('vm-2')], { signal });
    expect(stats.get('vm-1')?.sampledAt).toBe('2026-11-27T23:42:53.014Z');
    expect(stats.get('vm-2')?.sampledAt).toBe('2024-01-01T00:00:00.000Z');
  });

  it('takes the newest of several samples, whichever order they come in', async () => {
    const { session } = await fakeVcenter({
      QueryPerf: () =>
        answer(
          'QueryPerf',
          entityMetric(vm('vm-1'), { [KEY.cpu]: [100, 200] }, [
            '2024-01-01T00:00:00Z',
            '2024-01-01T00:00:20Z',
          ]) +
            entityMetric(vm('vm-2'), { [KEY.cpu]: [300, 400] }, [
              '2024-01-01T00:00:20Z',
              '2024-01-01T00:00:00Z',
            ]),
        ),
    });
    const stats = await readStats(session, [vm('vm-1'), vm('vm-2')], { signal });
    expect(stats.get('vm-1')).toMatchObject({ cpuUsedPercent: 2, sampledAt: '2024-01-01T00:00:20.000Z' });
    expect(stats.get('vm-2')).toMatchObject({ cpuUsedPercent: 3, sampledAt: '2024-01-01T00:00:20.000Z' });
  });
});

describe('what the server does not report', () => {
  it('is left out, never 0: no series, a series without values, -1 (no data), another instance', async () => {
    const { session } = await fakeVcenter({
      QueryPerf: () =>
        answer(
          'QueryPerf',
          entityMetric(vm('vm-1'), { [KEY.cpu]: [250], [KEY.mhz]: [], [KEY.consumed]: [-1] }).replace(
            '</returnval>',
            `<value xsi:type="PerfMetricIntSeries"><id><counterId>${KEY.rx}</counterId><instance>4000</instance></id><value>7</value></value></returnval>`,
          ),
        ),
    });
    const stats = (await readStats(session, [vm('vm-1')], { signal })).get('vm-1');
    expect(stats).toEqual({
      ref: 'vm-1',
      type: 'VirtualMachine',
      sampledAt: '2024-05-06T07:08:20.000Z',
      intervalSeconds: 20,
      cpuUsedPercent: 2.5,
    });
    for (const field of ['cpuUsedMhz', 'memoryUsedMiB', 'netRxKBps'] as const)
      expect(stats).not.toHaveProperty(field);
  });

  it('has no entry for an entity without a sample (vCenter: a powered-off VM) or not answered', async () => {
    const { session } = await fakeVcenter({
      QueryPerf: () =>
        answer(
          'QueryPerf',
          '<returnval xsi:type="PerfEntityMetric"><entity type="VirtualMachine">vm-off</entity></returnval>' +
            entityMetric(vm('vm-on'), allSeries(5)),
        ),
    });
    const stats = await readStats(session, [vm('vm-off'), vm('vm-on'), vm('vm-silent')], { signal });
    expect([...stats.keys()]).toEqual(['vm-on']);
  });

  it('does not ask for a counter the server lacks or keeps in another unit; the field is left out', async () => {
    const table = COUNTERS.filter((c) => c.key !== KEY.active).map((c) =>
      c.key === KEY.read ? { ...c, unit: 'megaBytesPerSecond' } : c,
    );
    const { session, queries } = await fakeVcenter({ RetrievePropertiesEx: () => counterTable(table) });
    const stats = (await readStats(session, [host('host-1')], { signal })).get('host-1');
    const [spec] = await askedSpecs(queries[0] as string);
    expect(spec?.counters).not.toContain(KEY.active);
    expect(spec?.counters).not.toContain(KEY.read);
    expect(spec?.counters).toHaveLength(6);
    expect(stats).not.toHaveProperty('memoryActiveMiB');
    expect(stats).not.toHaveProperty('diskReadKBps');
    expect(stats?.cpuUsedPercent).toBe(1);
  });

  it('is UNSUPPORTED when the server has none of the counters, without a QueryPerf', async () => {
    const { session, calls } = await fakeVcenter({
      RetrievePropertiesEx: () => counterTable([COUNTERS[0] as FakeCounter]),
    });
    await expectRejectsEcloud(readStats(session, [vm('vm-1')], { signal }), 'UNSUPPORTED');
    expect(counted(calls, 'QueryPerf')).toBe(0);
  });
});

describe('malformed answers', () => {
  const metric = entityMetric(vm('vm-1'), allSeries(1));
  it.each([
    ['a value that is not a number', entityMetric(vm('vm-1'), { [KEY.cpu]: ['lots'] })],
    ['a fractional value', entityMetric(vm('vm-1'), { [KEY.cpu]: ['1.5'] })],
    ['a timestamp that is no date', entityMetric(vm('vm-1'), allSeries(1), 'yesterday')],
    ['an impossible date', entityMetric(vm('vm-1'), allSeries(1), '2024-13-45T00:00:00Z')],
    ['a sample without an interval', metric.replace('<interval>20</interval>', '')],
    ['a zero interval', metric.replace('<interval>20</interval>', '<interval>0</interval>')],
    ['fewer values than samples', entityMetric(vm('vm-1'), { [KEY.cpu]: [1] }, [AT, AT])],
    ['an entity not asked for', entityMetric(vm('vm-2'), allSeries(1))],
    ['the same entity twice', metric + metric],
    ['a metric without an entity', metric.replace('<entity type="VirtualMachine">vm-1</entity>', '')],
    ['a CSV answer', metric.replace('"PerfEntityMetric"', '"PerfEntityMetricCSV"')],
    ['a CSV series', metric.replaceAll('"PerfMetricIntSeries"', '"PerfMetricSeriesCSV"')],
    ['a series without an id', metric.replace(/<id>.*?<\/id>/, '')],
    ['a counter id that is not a number', metric.replace(/<counterId>\d+</, '<counterId>cpu<')],
  ])('%s is a DRIVER_FAILURE malformed-answer, never a crash', async (_label, inner) => {
    const { session } = await fakeVcenter({ QueryPerf: () => answer('QueryPerf', inner) });
    const error = await expectRejectsEcloud(readStats(session, [vm('vm-1')], { signal }), 'DRIVER_FAILURE');
    expect(error.details.reason).toBe('malformed-answer');
  });

  it('is typed for garbage that is not even XML', async () => {
    const { session } = await fakeVcenter({ QueryPerf: () => '<QueryPerfResponse><returnval>' });
    const error = await expectRejectsEcloud(readStats(session, [vm('vm-1')], { signal }), 'DRIVER_FAILURE');
    expect(error.details.reason).toBe('malformed-answer');
  });
});

describe('faults', () => {
  const gone = (name: string) => ({
    status: 500,
    body: faultAnswer(
      'ManagedObjectNotFound',
      'The object has already been deleted or has not been completely created',
      `<obj type="VirtualMachine">${name}</obj>`,
    ),
  });

  it('leaves out an entity vCenter no longer has, and reads the rest of its batch again', async () => {
    const { session, queries } = await fakeVcenter({
      QueryPerf: (body) =>
        body.includes('>vm-gone<') ? gone('vm-gone') : answer('QueryPerf', echo(body, allSeries(100))),
    });
    const stats = await readStats(session, [vm('vm-1'), vm('vm-gone'), vm('vm-2')], { signal });
    expect([...stats.keys()].sort()).toEqual(['vm-1', 'vm-2']);
    expect(queries).toHaveLength(2);
    expect(entitiesIn(queries[1] as string)).not.toContain('vm-gone');
  });

  it('fails NOT_FOUND, naming it, when the fault names an entity that was not asked', async () => {
    const { session } = await fakeVcenter({ QueryPerf: () => gone('vm-other') });
    const error = await expectRejectsEcloud(readStats(session, [vm('vm-1')], { signal }), 'NOT_FOUND');
    expect(error.details).toMatchObject({
      method: 'QueryPerf',
      faultType: 'ManagedObjectNotFound',
      obj: 'vm-other',
    });
  });

  it('maps InvalidArgument to INVALID_ARGUMENT', async () => {
    const { session } = await fakeVcenter({
      QueryPerf: () => ({
        status: 500,
        body: faultAnswer('InvalidArgument', 'A specified parameter was not correct: querySpec.interval', ''),
      }),
    });
    await expectRejectsEcloud(readStats(session, [host('host-1')], { signal }), 'INVALID_ARGUMENT');
  });
});

describe('batching', () => {
  it(`asks at most ${STATS_BATCH_SIZE} entities per QueryPerf, every entity once`, async () => {
    const { session, queries } = await fakeVcenter();
    const refs = Array.from({ length: 2 * STATS_BATCH_SIZE + 50 }, (_, i) => vm(`vm-${i}`));
    const stats = await readStats(session, refs, { signal });
    expect(queries.map((q) => entitiesIn(q).length).sort((a, b) => b - a)).toEqual([
      STATS_BATCH_SIZE,
      STATS_BATCH_SIZE,
      50,
    ]);
    const asked = queries.flatMap((q) => entitiesIn(q).map((e) => `${e.type}:${e.value}`));
    expect(asked.sort()).toEqual(refs.map((r) => `VirtualMachine:${r.value}`).sort());
    expect(stats.size).toBe(refs.length);
    expect(stats.get('vm-449')?.cpuUsedPercent).toBe(1);
  });

  it('takes a smaller batch size, and makes exactly the calls needed', async () => {
    const { session, queries } = await fakeVcenter();
    await readStats(session, [vm('a'), vm('b'), vm('c'), host('d'), host('e')], { signal, batchSize: 2 });
    expect(queries.map((q) => entitiesIn(q).length).sort()).toEqual([1, 2, 2]);
  });

  it('fails the read when one batch fails, and starts no batch after it', async () => {
    let served = 0;
    const { session, queries } = await fakeVcenter({
      QueryPerf: (body) => {
        served += 1;
        if (served === 1)
          return {
            status: 500,
            body: faultAnswer('ManagedObjectNotFound', 'gone', '<obj type="VirtualMachine">x</obj>'),
          };
        return answer('QueryPerf', echo(body, allSeries(1)));
      },
    });
    const refs = Array.from({ length: 40 }, (_, i) => vm(`vm-${i}`));
    await expectRejectsEcloud(readStats(session, refs, { signal, batchSize: 1 }), 'NOT_FOUND');
    // The batches already in flight (a few in parallel) may finish; no new one starts.
    expect(queries.length).toBeLessThan(10);
  });
});

describe('input', () => {
  it.each([
    ['a datastore', [moref('Datastore', 'datastore-1')]],
    ['an empty id', [vm('')]],
    ['something that is not a ref', ['vm-1']],
    ['not a list', vm('vm-1')],
  ])('refuses %s with INVALID_ARGUMENT before any call', async (_label, refs) => {
    const { session, calls } = await fakeVcenter();
    await expectRejectsEcloud(readStats(session, refs as never, { signal }), 'INVALID_ARGUMENT');
    expect(calls).toEqual(['RetrieveServiceContent', 'Login']);
  });

  it('refuses a VM and a host with the same id (the result is keyed by id)', async () => {
    const { session } = await fakeVcenter();
    const error = await expectRejectsEcloud(
      readStats(session, [vm('1'), host('1')], { signal }),
      'INVALID_ARGUMENT',
    );
    expect(error.details).toMatchObject({ ref: '1' });
  });

  it.each([
    ['no signal', {}],
    ['a zero batch size', { signal, batchSize: 0 }],
    ['a fractional batch size', { signal, batchSize: 1.5 }],
    ['a batch size beyond 1000', { signal, batchSize: 1001 }],
  ])('refuses options with %s', async (_label, options) => {
    const { session } = await fakeVcenter();
    await expectRejectsEcloud(readStats(session, [vm('vm-1')], options as never), 'INVALID_ARGUMENT');
  });

  it('is CANCELLED, without a call, when the signal is already aborted', async () => {
    const { session, calls } = await fakeVcenter();
    const controller = new AbortController();
    controller.abort();
    const error = await expectRejectsEcloud(
      readStats(session, [vm('vm-1')], { signal: controller.signal }),
      'CANCELLED',
    );
    expect(error).toBeInstanceOf(EcloudError);
    expect(calls).toEqual(['RetrieveServiceContent', 'Login']);
  });
});
