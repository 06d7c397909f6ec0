/**
 * `npm run bench:api`: the reference REST server holding 50,000 VMs, driven by autocannon over real
 * sockets — `GET /v1/instances?limit=100`, `GET /v1/instances/{id}` on random ids, and
 * `POST /v1/instances` on the simulator — as the system administrator with a bearer token, so every
 * request is authenticated and authorised. The last line is one JSON object:
 * `{ vms, listReqPerSec, listP99Ms, getReqPerSec, getP99Ms, createsPerSec }`.
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

function run(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
  });
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
  const create = await run({ ...common, requests: [{ method: 'POST', path: '/v1/instances', body }] });
  await app.close();
  await sim.dispose();
  const ok = (r: autocannon.Result) => r.non2xx === 0 && r.errors === 0;
  if (!ok(list) || !ok(get) || !ok(create)) {
    console.error(
      `failures: list ${list.non2xx}/${list.errors}, get ${get.non2xx}/${get.errors}, create ${create.non2xx}/${create.errors}`,
    );
  }
  console.log(
    JSON.stringify({
      vms: ids.length,
      listReqPerSec: Math.round(list.requests.average),
      listP99Ms: list.latency.p99,
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
