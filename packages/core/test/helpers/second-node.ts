/**
 * A second management process for multi-process tests. Usage:
 *   node --import tsx second-node.ts <db file> <tenantId> <offeringId> <imageId> <creates> <hosts json>
 * Prints `ready`, waits for a line on stdin, runs the creates concurrently and prints one JSON line:
 * `{ "won": n, "lost": { "<code>": n } }`.
 */
import { createInterface } from 'node:readline';
import { createCloud } from '../../src/cloud.js';
import { systemContext } from '../../src/context/call-context.js';
import { EcloudError } from '../../src/errors/ecloud-error.js';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { simulator } from '../../src/testing/simulator/simulator-driver.js';
import { createInWaves } from './waves.js';

const [filename, tenantId, offeringId, imageId, creates, hosts] = process.argv.slice(2);
const cloud = await createCloud({
  store: createSqliteStore({ filename: filename ?? '' }),
  drivers: [simulator({ name: 'sim', hosts: JSON.parse(hosts ?? '{}') })],
  nodeId: 'node-b',
});
console.log('ready');
await new Promise<void>((resolve) => createInterface({ input: process.stdin }).once('line', () => resolve()));
const results = await createInWaves(Number(creates), (i) =>
  cloud.instances
    .create(systemContext(), {
      name: `b${i}`,
      tenantId: tenantId ?? '',
      offeringId: offeringId ?? '',
      imageId: imageId ?? '',
    })
    .then((handle) => handle.wait()),
);
const lost: Record<string, number> = {};
for (const result of results) {
  if (result.status === 'rejected') {
    const code = result.reason instanceof EcloudError ? result.reason.code : 'UNKNOWN';
    lost[code] = (lost[code] ?? 0) + 1;
  }
}
console.log(JSON.stringify({ won: results.filter((r) => r.status === 'fulfilled').length, lost }));
await cloud.close();
