/**
 * bench:ha — fails one host carrying 50 instances in a cloud of 5,000 simulated hosts and 50,000
 * instances (SQLite store, simulator latency zero) and prints, as its last line,
 * `{ hosts, vms, failedHostVms, restarted, planMs, detectToRunningMs, rounds }`.
 * Usage: npm run bench:ha -- [--hosts 5000] [--vms 50000] [--failed 50]
 *
 * Heartbeat rounds are run back to back (`cloud.ha.tick()`), so `detectToRunningMs` — from the start of
 * the first round after the failure to the end of the round in which every instance runs again — is the
 * machinery's own time: in a deployment add the heartbeat interval times the misses allowed (5 s × 3 by
 * default) before the fence. `planMs` is the time spent choosing and reserving the 50 new hosts.
 * The failed host and one spare are dedicated to a second tenant and tagged, so exactly the 50 bench
 * instances sit on it and their restarts have somewhere to go.
 */
import { parseArgs } from 'node:util';
import { simulatedCloud } from './sim-cloud.js';

const { values } = parseArgs({
  options: {
    hosts: { type: 'string', default: '5000' },
    vms: { type: 'string', default: '50000' },
    failed: { type: 'string', default: '50' },
  },
});
const hostCount = Number(values.hosts);
const vmCount = Number(values.vms);
const failedCount = Number(values.failed);
const INFLIGHT = 256;

async function main(): Promise<void> {
  const { cloud, sim, ctx, hosts, image, dispose } = await simulatedCloud(hostCount, {
    jobConcurrency: INFLIGHT,
    ha: { enabled: false },
  });
  const [failed, spare] = hosts;
  if (!failed || !spare) throw new Error('the bench needs at least two hosts');
  const critical = await cloud.tenants.create(ctx, { name: 'critical' });
  const everyone = await cloud.tenants.create(ctx, { name: 'everyone' });
  for (const host of [failed, spare]) {
    await cloud.hosts.update(ctx, host.id, { tags: ['ha-bench'], dedicatedTenantId: critical.id });
  }
  const pinned = await cloud.offerings.create(ctx, {
    name: 'pinned',
    vcpus: 1,
    memoryMiB: 2048,
    rootDiskGiB: 10,
    tags: ['ha-bench'],
  });
  const small = await cloud.offerings.create(ctx, {
    name: 'small',
    vcpus: 1,
    memoryMiB: 2048,
    rootDiskGiB: 10,
  });

  const create = (n: number, tenantId: string, offeringId: string) =>
    cloud.instances
      .create(ctx, { name: `vm-${n}`, tenantId, offeringId, imageId: image.id })
      .then((h) => h.wait());
  // The fill policy packs the 50 onto the first tagged host; the spare stays empty for the restarts.
  for (let n = 0; n < failedCount; n++) await create(n, critical.id, pinned.id);
  let next = failedCount;
  const worker = async () => {
    while (next < vmCount) await create(next++, everyone.id, small.id);
  };
  await Promise.all(Array.from({ length: INFLIGHT }, worker));
  const onFailed = (await cloud.instances.list(ctx, { hostId: failed.id, limit: 1000 })).items.length;

  sim.failHost(failed.ref);
  const started = performance.now();
  let rounds = 0;
  let planMs = 0;
  let restarted = 0;
  while (rounds < 10 && restarted < onFailed) {
    const report = await cloud.ha.tick(ctx);
    rounds++;
    planMs += report.restartPlanMs;
    restarted += report.restarted.length;
  }
  const detectToRunningMs = performance.now() - started;
  const running = (await cloud.instances.list(ctx, { hostId: spare.id, limit: 1000 })).items.filter(
    (vm) => vm.state === 'running',
  ).length;
  await dispose();
  console.log(
    JSON.stringify({
      hosts: hostCount,
      vms: vmCount,
      failedHostVms: onFailed,
      restarted,
      runningOnSpare: running,
      planMs: Math.round(planMs * 10) / 10,
      detectToRunningMs: Math.round(detectToRunningMs * 10) / 10,
      rounds,
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
