/**
 * bench:vmware — against a vCenter simulator of its own (govmomi's, the binary `scripts/services.sh`
 * builds: `$ECLOUD_VCSIM_BIN`), `--hosts` standalone hosts with `--vms-per-host` VMs each:
 * - inventorySeconds: a full inventory sync — every host and VM with the properties a driver reads —
 *   as one container view and one paged RetrievePropertiesEx walk;
 * - perObjectSeconds: the same properties read one object per call, as a naive client does;
 * - powerOpsPerSec: `--power-ops` power-offs started at once, each followed to its end (task done),
 *   then as many power-ons; operations per second over both.
 * Prints, as its last line, `{ hosts, vms, inventorySeconds, perObjectSeconds, powerOpsPerSec }`.
 * Usage: source .ecloud/services.env && npm run bench:vmware -- [--hosts 20] [--vms-per-host 50] [--power-ops 100]
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  inventory,
  type ObjectContent,
  retrieveObjects,
  VsphereSession,
  waitForTask,
} from '@ecloud/driver-vmware';

const { values } = parseArgs({
  options: {
    hosts: { type: 'string', default: '20' },
    'vms-per-host': { type: 'string', default: '50' },
    'power-ops': { type: 'string', default: '100' },
  },
});
const hostCount = Number(values.hosts);
const vmsPerHost = Number(values['vms-per-host']);
const powerOps = Number(values['power-ops']);

const binary = process.env.ECLOUD_VCSIM_BIN;
if (!binary) throw new Error('ECLOUD_VCSIM_BIN is not set: source .ecloud/services.env first');

const HOST_PROPS = [
  'name',
  'runtime.connectionState',
  'runtime.inMaintenanceMode',
  'summary.hardware',
  'summary.quickStats',
];
const VM_PROPS = [
  'name',
  'runtime.powerState',
  'runtime.host',
  'config.hardware.numCPU',
  'config.hardware.memoryMB',
  'config.instanceUuid',
];

/** Starts the simulator on a free port; resolves once it has written its URL (after its certificate). */
async function startSimulator(dir: string, username: string, password: string): Promise<ChildProcess> {
  const passwordFile = join(dir, 'password');
  writeFileSync(passwordFile, password, { mode: 0o600 });
  // Each simulated VM is a folder and files: on tmpfs the inventory builds in seconds, on disk in many.
  const datastores = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
  const child = spawn(
    binary as string,
    [
      '-listen',
      '127.0.0.1:0',
      '-url-file',
      join(dir, 'url'),
      '-cert-file',
      join(dir, 'ca.pem'),
      '-username',
      username,
      '-password-file',
      passwordFile,
      '-dc',
      '1',
      '-cluster',
      '0',
      '-standalone-host',
      String(hostCount),
      '-vm',
      String(vmsPerHost),
    ],
    { env: { ...process.env, TMPDIR: datastores }, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  // Its log is shown only if it fails to start: the last line of our output is the result.
  let log = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-4000);
  });
  const deadline = Date.now() + 120_000;
  while (!existsSync(join(dir, 'url'))) {
    if (child.exitCode !== null) throw new Error(`the simulator exited with ${child.exitCode}:\n${log}`);
    if (Date.now() > deadline) throw new Error('the simulator did not start within 120 s');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return child;
}

async function timed<T>(work: () => Promise<T>): Promise<{ seconds: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { seconds: (performance.now() - started) / 1000, value };
}

async function perObject(session: VsphereSession, objects: readonly ObjectContent[]): Promise<number> {
  let read = 0;
  for (const { obj } of objects) {
    const props = obj.type === 'HostSystem' ? HOST_PROPS : VM_PROPS;
    read += (await retrieveObjects(session, [obj], obj.type, props)).length;
  }
  return read;
}

async function powerAll(
  session: VsphereSession,
  vms: readonly ObjectContent[],
  method: string,
): Promise<void> {
  const signal = new AbortController().signal;
  await Promise.all(
    vms.map(async ({ obj }) =>
      waitForTask(session, await session.startTask(method, obj), method, { signal }),
    ),
  );
}

const dir = mkdtempSync(join(tmpdir(), 'ecloud-bench-vcsim-'));
const username = 'bench@vsphere.local';
const password = randomBytes(12).toString('hex');
const simulator = await startSimulator(dir, username, password);
let result: string | undefined;
try {
  const session = await VsphereSession.login({
    url: readFileSync(join(dir, 'url'), 'utf8').trim(),
    username,
    password,
    tls: { ca: readFileSync(join(dir, 'ca.pem'), 'utf8') },
    connections: 32,
  });
  try {
    const sync = await timed(() =>
      inventory(session, [
        { type: 'HostSystem', pathSet: HOST_PROPS },
        { type: 'VirtualMachine', pathSet: VM_PROPS },
      ]),
    );
    const hosts = sync.value.filter((o) => o.obj.type === 'HostSystem');
    const vms = sync.value.filter((o) => o.obj.type === 'VirtualMachine');
    const naive = await timed(() => perObject(session, sync.value));
    if (naive.value !== sync.value.length)
      throw new Error(`read ${naive.value} objects one by one, ${sync.value.length} at once`);

    const running = vms.filter((vm) => vm.props.get('runtime.powerState') === 'poweredOn').slice(0, powerOps);
    const power = await timed(async () => {
      await powerAll(session, running, 'PowerOffVM_Task');
      await powerAll(session, running, 'PowerOnVM_Task');
    });
    result = JSON.stringify({
      hosts: hosts.length,
      vms: vms.length,
      inventorySeconds: Number(sync.seconds.toFixed(3)),
      perObjectSeconds: Number(naive.seconds.toFixed(3)),
      powerOpsPerSec: Math.round((running.length * 2) / power.seconds),
    });
  } finally {
    await session.logout();
  }
} finally {
  const exited = new Promise((resolve) => simulator.once('exit', resolve));
  simulator.kill('SIGTERM');
  await exited;
  rmSync(dir, { recursive: true, force: true });
}
console.log(result);
