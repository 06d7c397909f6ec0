/**
 * bench:lifecycle — creates VMs on simulated hosts through the public API with the SQLite store and
 * prints, as its last line, `{ vms, hosts, seconds, createsPerSec, rssMiB }`.
 * Usage: npm run bench:lifecycle -- [--hosts 5000] [--vms 50000] [--inflight 256]
 */
import { parseArgs } from 'node:util';
import { simulatedCloud } from './sim-cloud.js';

const { values } = parseArgs({
  options: {
    hosts: { type: 'string', default: '5000' },
    vms: { type: 'string', default: '50000' },
    inflight: { type: 'string', default: '256' },
  },
});
const hostCount = Number(values.hosts);
const vmCount = Number(values.vms);
const inflight = Number(values.inflight);

/** The size mix: skewed to small, as in most private clouds. */
const MIX = [
  { name: 'tiny', vcpus: 1, memoryMiB: 1024, rootDiskGiB: 10, weight: 40 },
  { name: 'small', vcpus: 2, memoryMiB: 4096, rootDiskGiB: 20, weight: 30 },
  { name: 'medium', vcpus: 4, memoryMiB: 8192, rootDiskGiB: 40, weight: 20 },
  { name: 'large', vcpus: 8, memoryMiB: 32768, rootDiskGiB: 80, weight: 10 },
];

async function main(): Promise<void> {
  const { cloud, ctx, image, dispose } = await simulatedCloud(hostCount, { jobConcurrency: inflight });
  const tenant = await cloud.tenants.create(ctx, { name: 'bench' });
  const offerings: string[] = [];
  for (const size of MIX) {
    const { weight, ...input } = size;
    const offering = await cloud.offerings.create(ctx, input);
    for (let i = 0; i < weight; i++) offerings.push(offering.id);
  }

  let next = 0;
  let failed = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < vmCount) {
      const n = next++;
      try {
        const handle = await cloud.instances.create(ctx, {
          name: `vm-${n}`,
          tenantId: tenant.id,
          offeringId: offerings[n % offerings.length] ?? '',
          imageId: image.id,
        });
        await handle.wait();
      } catch {
        failed++;
      }
    }
  };
  await Promise.all(Array.from({ length: inflight }, worker));
  const seconds = (performance.now() - started) / 1000;
  const rssMiB = Math.round(process.memoryUsage().rss / 1024 / 1024);
  await dispose();
  const created = vmCount - failed;
  console.log(
    JSON.stringify({
      vms: created,
      hosts: hostCount,
      seconds: Number(seconds.toFixed(2)),
      createsPerSec: Math.round(created / seconds),
      rssMiB,
      ...(failed > 0 ? { failed } : {}),
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
