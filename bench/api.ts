/**
 * `npm run bench:api`: the reference REST server holding 50,000 VMs, driven by autocannon over real
 * sockets — `GET /v1/instances?limit=100`, `GET /v1/instances/{id}` on random ids, and
 * `POST /v1/instances` on the simulator — as the system administrator with a bearer token, so every
 * request is authenticated and authorised. The last line is one JSON object:
 * `{ vms, listReqPerSec, listP99Ms, coldListReqPerSec, coldListP99Ms, getReqPerSec, getP99Ms, createsPerSec }`
 * (the cold list walks every page in turn, more pages than the server's page cache holds).
 * Targets on this machine: ≥ 3,000 GET req/s with p99 ≤ 20 ms; ≥ 500 creates/s accepted.
 */
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { bootstrapAdmins } from '../examples/rest-server/src/bootstrap-admins.js';
import { buildServer } from '../examples/rest-server/src/server.js';
import { simulatedCloud } from './sim-cloud.js';

const { values } = parseArgs({
  options: {
    vms: { type: 'string', default: '50000' },
    hosts: { type: 'string', default: '5000' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '32' },
  },
});
const vmCount = Number(values.vms);
const hostCount = Number(values.hosts);
const duration = Number(values.seconds);
const connections = Number(values.connections);
const PASSWORD = 'Bench-passw0rd!';
const WARM_UP_SECONDS = 3;

/** Fills the cloud with `vmCount` instances through the SDK, 256 creates in flight. */
async function seed(cloud: Awaited<ReturnType<typeof simulatedCloud>>, tenantId: string, offeringId: string) {
  const ids: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < vmCount) {
      const n = next++;
      const handle = await cloud.cloud.instances.create(cloud.ctx, {
        name: `vm-${n}`,
        tenantId,
        offeringId,
        imageId: cloud.image.id,
      });
      ids.push((await handle.wait()).id);
    }
  };
  await Promise.all(Array.from({ length: 256 }, worker));
  return ids;
}

/** The cursor of every page of 100 instances, the first page's being none. */
async function pageCursors(sim: Awaited<ReturnType<typeof simulatedCloud>>): Promise<(string | undefined)[]> {
  const cursors: (string | undefined)[] = [undefined];
  for (let cursor: string | undefined; ; ) {
    const page = await sim.cloud.instances.list(sim.ctx, { limit: 100, ...(cursor ? { cursor } : {}) });
    if (page.nextCursor === undefined) return cursors;
    cursor = page.nextCursor;
    cursors.push(cursor);
  }
}

function drive(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

/**
 * Measures one read route after an unmeasured warm-up of the same requests: the first seconds after seeding
 * hold the collection of 50,000 creates' garbage and the compilation of the route's code, which a
 * long-running server's clients never see. Only the measured run's figures are reported.
 */
async function run(options: autocannon.Options): Promise<autocannon.Result> {
  await drive({ ...options, duration: WARM_UP_SECONDS });
  return drive(options);
}

async function main(): Promise<void> {
  const sim = await simulatedCloud(hostCount, { jobConcurrency: 256, ha: { enabled: false } });
  const { cloud, ctx } = sim;
  const tenant = await cloud.tenants.create(ctx, { name: 'bench' });
  const offering = await cloud.offerings.create(ctx, {
    name: 'tiny',
    vcpus: 1,
    memoryMiB: 512,
    rootDiskGiB: 5,
  });
  const started = performance.now();
  const ids = await seed(sim, tenant.id, offering.id);
  console.error(`seeded ${ids.length} VMs in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  // Measured from a settled heap: seeding leaves 50,000 creates' garbage for the first requests to pay.
  (globalThis as { gc?: () => void }).gc?.();
  await bootstrapAdmins(cloud, PASSWORD);
  const app = await buildServer({ cloud, logger: false, rateLimitPerMinute: 100_000_000 });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const login = await fetch(`${url}/v1/auth/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'sysadmin', password: PASSWORD }),
  });
  const { token } = (await login.json()) as { token: string };
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  // autocannon in a worker thread of its own: in the server's thread it would take the CPU it measures.
  const common = { url, connections, duration, headers, workers: 1 };

  const list = await run({ ...common, requests: [{ method: 'GET', path: '/v1/instances?limit=100' }] });
  // Every page of the set in turn (500 at 50,000 VMs): more than the server's page cache holds, taken
  // cyclically, so each request reads its page from the store — the figure of a list nobody read lately.
  const cold = await run({
    ...common,
    requests: (await pageCursors(sim)).map((cursor) => ({
      method: 'GET' as const,
      path: `/v1/instances?limit=100${cursor === undefined ? '' : `&cursor=${cursor}`}`,
    })),
  });
  // Requests are data (a worker thread takes no functions): 1,000 ids spread over the whole set,
  // taken in turn by every connection.
  const sample = Array.from({ length: 1000 }, (_, i) => ids[Math.floor((i * ids.length) / 1000)]);
  const get = await run({
    ...common,
    requests: sample.map((id) => ({ method: 'GET' as const, path: `/v1/instances/${id}` })),
  });
  const body = JSON.stringify({
    name: 'api',
    tenantId: tenant.id,
    offeringId: offering.id,
    imageId: sim.image.id,
  });
  // Not warmed up: the warm-up's own creates would still be running as jobs, competing with the measured ones.
  const create = await drive({ ...common, requests: [{ method: 'POST', path: '/v1/instances', body }] });
  await app.close();
  await sim.dispose();
  const ok = (r: autocannon.Result) => r.non2xx === 0 && r.errors === 0;
  if (!ok(list) || !ok(cold) || !ok(get) || !ok(create)) {
    console.error(
      `failures: list ${list.non2xx}/${list.errors}, cold list ${cold.non2xx}/${cold.errors}, get ${get.non2xx}/${get.errors}, create ${create.non2xx}/${create.errors}`,
    );
  }
  console.log(
    JSON.stringify({
      vms: ids.length,
      listReqPerSec: Math.round(list.requests.average),
      listP99Ms: list.latency.p99,
      coldListReqPerSec: Math.round(cold.requests.average),
      coldListP99Ms: cold.latency.p99,
      getReqPerSec: Math.round(get.requests.average),
      getP99Ms: get.latency.p99,
      createsPerSec: Math.round(create.requests.average),
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
