/**
 * A scripted tour of the ECloud SDK: a small control plane on the embedded default (SQLite under
 * ./.ecloud/ and the simulator), one instance taken through its life. Copy this file to start your own.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { createCloud, createSqliteStore, type JobHandle, systemContext } from '@ecloud/core';
import { simulator } from '@ecloud/core/testing';

// Under the folder npm was started from (INIT_CWD), so `npm start` at the root writes ./.ecloud/.
const DATABASE = join(process.env.INIT_CWD ?? process.cwd(), '.ecloud', 'quickstart.db');

async function step<R>(label: string, started: Promise<JobHandle<R>>): Promise<R> {
  const handle = await started;
  handle.onProgress((percent) => console.log(`  ${label}: ${percent}%`));
  const result = await handle.wait({ timeoutMs: 60_000 });
  const job = await handle.get();
  console.log(`✔ ${label} (job ${job.id} ${job.state})`);
  return result;
}

async function main(): Promise<void> {
  // A fresh demo database each run; a real deployment keeps its store.
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${DATABASE}${suffix}`, { force: true });
  const sim = simulator({ name: 'sim-rack1', hypervisor: 'kvm', hosts: { count: 4 }, latencyMs: 20 });
  const cloud = await createCloud({
    store: createSqliteStore({ filename: DATABASE }),
    drivers: [sim],
    nodeId: 'quickstart',
  });
  const admin = systemContext('quickstart-admin');
  try {
    const dc = await cloud.datacenters.create(admin, { name: 'dc-east', classification: 'internal' });
    const gold = await cloud.clusters.create(admin, { name: 'gold', datacenterId: dc.id, hypervisor: 'kvm' });
    await cloud.clusters.create(admin, {
      name: 'silver',
      datacenterId: dc.id,
      hypervisor: 'kvm',
      zone: 'az-2',
    });
    const hosts = await cloud.hosts.discover(admin, { clusterId: gold.id, driver: 'sim-rack1' });
    console.log(`registered ${hosts.length} hosts in cluster ${gold.name}`);
    const tenant = await cloud.tenants.create(admin, { name: 'acme' });
    const image = await cloud.images.create(admin, {
      name: 'debian-12',
      os: 'linux',
      sizeGiB: 8,
      hypervisors: ['kvm'],
    });
    const small = await cloud.offerings.create(admin, {
      name: 'small',
      vcpus: 2,
      memoryMiB: 4096,
      rootDiskGiB: 20,
    });
    const large = await cloud.offerings.create(admin, {
      name: 'large',
      vcpus: 8,
      memoryMiB: 16384,
      rootDiskGiB: 20,
    });
    await cloud.offerings.create(admin, { name: 'medium', vcpus: 4, memoryMiB: 8192, rootDiskGiB: 40 });

    const web = await step(
      'create web-1',
      cloud.instances.create(admin, {
        name: 'web-1',
        tenantId: tenant.id,
        offeringId: small.id,
        imageId: image.id,
        dataDisks: [{ sizeGiB: 50 }],
      }),
    );
    console.log(`  web-1 is ${web.state} on ${web.hostId}`);
    await step('stop web-1', cloud.instances.stop(admin, web.id));
    const resized = await step(
      'resize web-1 to large',
      cloud.instances.resize(admin, web.id, { offeringId: large.id }),
    );
    console.log(`  web-1 now has ${resized.vcpus} vCPUs and ${resized.memoryMiB} MiB`);
    await step('start web-1', cloud.instances.start(admin, web.id));
    const moved = await step('live-migrate web-1', cloud.instances.migrate(admin, web.id, { live: true }));
    console.log(`  web-1 moved from ${web.hostId} to ${moved.hostId}`);
    const snapshot = await step(
      'snapshot web-1',
      cloud.instances.snapshot(admin, web.id, { name: 'before-upgrade' }),
    );
    const copy = await step(
      'clone web-1 to web-2',
      cloud.instances.clone(admin, web.id, { name: 'web-2', start: true }),
    );
    await step('delete snapshot', cloud.instances.deleteSnapshot(admin, web.id, snapshot.id));
    await step('delete web-2', cloud.instances.delete(admin, copy.id));
    await step('delete web-1', cloud.instances.delete(admin, web.id));
    console.log(`disks wiped before their space was freed: ${sim.wipes.length}`);
    const events = await cloud.events.list(admin, { limit: 1000 });
    console.log(`event log: ${events.items.length} events, the last ${events.items.at(-1)?.type}`);
  } finally {
    await cloud.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
