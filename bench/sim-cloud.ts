/**
 * The cloud the benchmarks measure: the SQLite store in a temporary folder, one simulator with
 * `hosts` hosts discovered into one cluster, and a Linux image — built through the public API.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type Cloud,
  type CloudOptions,
  createCloud,
  createSqliteStore,
  type Host,
  type Image,
  systemContext,
} from '@ecloud/core';
import { type SimulatorDriver, simulator } from '@ecloud/core/testing';

export interface SimulatedCloud {
  readonly cloud: Cloud;
  readonly sim: SimulatorDriver;
  readonly ctx: ReturnType<typeof systemContext>;
  readonly hosts: readonly Host[];
  readonly image: Image;
  /** Closes the cloud and removes its database. */
  dispose(): Promise<void>;
}

export async function simulatedCloud(
  hostCount: number,
  options: Pick<CloudOptions, 'jobConcurrency' | 'ha'> = {},
): Promise<SimulatedCloud> {
  const dir = mkdtempSync(join(tmpdir(), 'ecloud-bench-'));
  const sim = simulator({ name: 'sim', hosts: { count: hostCount } });
  const cloud = await createCloud({
    store: createSqliteStore({ filename: join(dir, 'bench.db') }),
    drivers: [sim],
    nodeId: 'bench',
    ...options,
  });
  const ctx = systemContext('bench');
  const dc = await cloud.datacenters.create(ctx, { name: 'dc' });
  const cluster = await cloud.clusters.create(ctx, {
    name: 'c',
    datacenterId: dc.id,
    hypervisor: 'simulator',
  });
  const hosts = await cloud.hosts.discover(ctx, { clusterId: cluster.id, driver: 'sim' });
  const image = await cloud.images.create(ctx, {
    name: 'img',
    os: 'linux',
    sizeGiB: 5,
    hypervisors: ['simulator'],
  });
  return {
    cloud,
    sim,
    ctx,
    hosts,
    image,
    async dispose() {
      await cloud.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
