/**
 * bench:kvm — against the real libvirtd that `scripts/services.sh start` runs (libvirt's test
 * hypervisor, unix socket): define + start + stats + destroy + undefine `--domains` domains through our
 * RPC client (32 domains in flight on one connection), then the same through `virsh`, one process per
 * call, for `--virsh-domains` of them (default: as many); and NODE_GET_INFO calls pipelined on one
 * connection. Prints, as its last line,
 * `{ domains, clientSeconds, virshSeconds, ratio, rpcPerSec }` where `virshSeconds` is scaled to
 * `domains` when fewer were run through virsh, and `ratio` is virsh's time per domain over ours.
 * Usage: source .ecloud/services.env && npm run bench:kvm -- [--domains 1000] [--virsh-domains 1000]
 */
import { execFile } from 'node:child_process';
import { parseArgs, promisify } from 'node:util';
import { LibvirtClient } from '@ecloud/driver-kvm';

const run = promisify(execFile);
const { values } = parseArgs({
  options: {
    domains: { type: 'string', default: '1000' },
    'virsh-domains': { type: 'string' },
    rpcs: { type: 'string', default: '50000' },
  },
});
const domainCount = Number(values.domains);
const virshCount = Number(values['virsh-domains'] ?? values.domains);
const rpcCount = Number(values.rpcs);
const INFLIGHT = 32;

const socket = process.env.ECLOUD_LIBVIRT_SOCKET;
if (!socket) throw new Error('ECLOUD_LIBVIRT_SOCKET is not set: source .ecloud/services.env first');
const uri = `test+unix:///default?socket=${socket}`;

const xml = (name: string) =>
  `<domain type='test'><name>${name}</name><memory unit='KiB'>65536</memory><vcpu>1</vcpu><os><type>hvm</type></os></domain>`;

async function pool<T>(items: readonly T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++] as T);
  };
  await Promise.all(Array.from({ length: width }, worker));
}

async function viaClient(client: LibvirtClient, names: readonly string[]): Promise<number> {
  const started = performance.now();
  await pool(names, INFLIGHT, async (name) => {
    const dom = await client.start(await client.defineXml(xml(name)));
    await client.domainInfo(dom);
    await client.destroy(dom);
    await client.undefine(dom);
  });
  return (performance.now() - started) / 1000;
}

async function viaVirsh(names: readonly string[]): Promise<number> {
  const virsh = (...args: string[]) => run('virsh', ['-c', uri, ...args]);
  const started = performance.now();
  for (const name of names) {
    await run('sh', ['-c', `printf '%s' "$0" | virsh -c "$1" define /dev/stdin >/dev/null`, xml(name), uri]);
    await virsh('start', name);
    await virsh('domstats', name);
    await virsh('destroy', name);
    await virsh('undefine', name);
  }
  return (performance.now() - started) / 1000;
}

async function rpcRate(client: LibvirtClient): Promise<number> {
  const started = performance.now();
  await pool(Array.from({ length: rpcCount }), 256, async () => {
    await client.nodeInfo();
  });
  return rpcCount / ((performance.now() - started) / 1000);
}

async function main(): Promise<void> {
  const client = await LibvirtClient.connect({
    transport: { kind: 'unix', path: socket as string },
    uri: 'test:///default',
  });
  try {
    const stamp = Date.now().toString(36);
    const clientSeconds = await viaClient(
      client,
      Array.from({ length: domainCount }, (_, i) => `bench-c-${stamp}-${i}`),
    );
    const virshRun = await viaVirsh(Array.from({ length: virshCount }, (_, i) => `bench-v-${stamp}-${i}`));
    const virshSeconds = (virshRun / virshCount) * domainCount;
    const rpcPerSec = await rpcRate(client);
    console.log(
      JSON.stringify({
        domains: domainCount,
        clientSeconds: Number(clientSeconds.toFixed(3)),
        virshSeconds: Number(virshSeconds.toFixed(2)),
        virshDomainsRun: virshCount,
        ratio: Number((virshSeconds / clientSeconds).toFixed(1)),
        rpcPerSec: Math.round(rpcPerSec),
      }),
    );
  } finally {
    await client.close();
  }
}

await main();
