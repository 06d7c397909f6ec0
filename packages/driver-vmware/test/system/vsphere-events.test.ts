import { readFileSync } from 'node:fs';
import type { DriverEvent } from '@ecloud/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VsphereEventWatcher } from '../../src/driver/vsphere-event-watcher.js';
import type { ManagedObjectReference } from '../../src/soap/soap-value.js';
import { inventory } from '../../src/vim/inventory.js';
import { retrieveObjects } from '../../src/vim/property-collector.js';
import { waitForTask } from '../../src/vim/task.js';
import type { VimValue } from '../../src/vim/vim-value.js';
import { VsphereSession } from '../../src/vim/vsphere-session.js';
import { vcsimEnv } from './vcsim-env.js';

// The event watcher against the real vCenter simulator: a change made through one session arrives
// as the core's event through the watcher's own. Every change is undone before the file ends (the
// simulator is shared): the VM is running again and the host out of maintenance, as they were.
//
// govmomi 0.24.2's simulator flips a host's `runtime.inMaintenanceMode` without telling its
// PropertyCollectors (host_system.go assigns the field; VMs go through Map.Update), so no update is
// pushed for it, where vCenter pushes one. The host test therefore takes the other way a change
// reaches the stream — a watch made anew compares its snapshot with what it knew — and makes the watch
// anew the two ways that happen: the watcher's session expiring (terminated here), and stop()/start().

const env = vcsimEnv();
const ca = readFileSync(env.caFile, 'utf8');
const login = () =>
  VsphereSession.login({ url: env.url, username: env.username, password: env.password, tls: { ca } });
const WAIT_MS = 20_000;

/** Events as they come, and promises of the ones a test waits for — never a fixed sleep. */
class EventLog {
  readonly events: DriverEvent[] = [];
  syncs = 0;
  readonly #waiters = new Set<() => void>();

  readonly emit = (event: DriverEvent) => {
    this.events.push(event);
    this.#wake();
  };

  readonly synced = () => {
    this.syncs += 1;
    this.#wake();
  };

  /** Resolves when `done()` holds, checked now and after each event or sync; rejects after WAIT_MS. */
  until(what: string, done: () => boolean): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!done()) return;
        clearTimeout(timer);
        this.#waiters.delete(check);
        resolve();
      };
      const timer = setTimeout(() => {
        this.#waiters.delete(check);
        reject(new Error(`no ${what} within ${WAIT_MS} ms; events so far: ${JSON.stringify(this.events)}`));
      }, WAIT_MS);
      this.#waiters.add(check);
      check();
    });
  }

  /** The events about `ref` from index `from` on (other tests may change other objects meanwhile). */
  about(ref: string, from = 0): DriverEvent[] {
    return this.events
      .slice(from)
      .filter((e) => (e.type === 'host.state' ? e.hostRef : e.instanceRef) === ref);
  }

  #wake(): void {
    for (const check of [...this.#waiters]) check();
  }
}

describe('vSphere events from the vCenter simulator', () => {
  let admin: VsphereSession;
  let watched: VsphereSession;
  let watcher: VsphereEventWatcher;
  let vm: ManagedObjectReference;
  let host: ManagedObjectReference;
  const log = new EventLog();
  const errors: unknown[] = [];
  const signal = new AbortController().signal;

  async function run(method: string, target: ManagedObjectReference, args: Record<string, number> = {}) {
    await waitForTask(admin, await admin.startTask(method, target, args), method, { signal });
  }

  async function property(obj: ManagedObjectReference, path: string): Promise<VimValue | undefined> {
    const [found] = await retrieveObjects(admin, [obj], obj.type, [path]);
    return found?.props.get(path);
  }

  beforeAll(async () => {
    admin = await login();
    watched = await login();
    const [dc] = (await inventory(admin, [{ type: 'Datacenter', pathSet: ['name'] }])).filter(
      (o) => o.props.get('name') === 'DC0',
    );
    if (!dc) throw new Error('the simulator has no datacenter DC0');
    const objects = await inventory(
      admin,
      [
        { type: 'VirtualMachine', pathSet: ['name', 'runtime.powerState'] },
        { type: 'HostSystem', pathSet: ['name', 'runtime.connectionState', 'runtime.inMaintenanceMode'] },
      ],
      { container: dc.obj },
    );
    // The simulator's own objects (DC0_…), not ones another test made and may be changing.
    const own = objects.filter((o) => String(o.props.get('name')).startsWith('DC0_'));
    const running = own.find((o) => o.props.get('runtime.powerState') === 'poweredOn');
    const up = own.find(
      (o) =>
        o.props.get('runtime.connectionState') === 'connected' &&
        o.props.get('runtime.inMaintenanceMode') === false,
    );
    if (!running || !up) throw new Error('DC0 has no running VM or no host out of maintenance');
    vm = running.obj;
    host = up.obj;
    watcher = new VsphereEventWatcher(async () => watched, dc.obj, log.emit, {
      pollSeconds: 2,
      firstBackoffMs: 100,
      onError: (error) => errors.push(error),
      onSynced: log.synced,
    });
    watcher.start();
    await log.until('first snapshot', () => log.syncs === 1);
  });

  afterAll(async () => {
    await watcher?.stop();
    try {
      if (vm && (await property(vm, 'runtime.powerState')) !== 'poweredOn') await run('PowerOnVM_Task', vm);
      if (host && (await property(host, 'runtime.inMaintenanceMode')) === true)
        await run('ExitMaintenanceMode_Task', host, { timeout: 0 });
    } finally {
      await watched?.logout();
      await admin?.logout();
    }
  });

  it('reports nothing for the snapshot it starts from', () => {
    expect(log.about(vm.value)).toEqual([]);
    expect(log.about(host.value)).toEqual([]);
  });

  it('reports a VM powered off, then on, as the server pushes it', async () => {
    const from = log.events.length;
    await run('PowerOffVM_Task', vm);
    const stopped = { type: 'instance.power', instanceRef: vm.value, power: 'stopped' };
    await log.until('stopped event', () => log.about(vm.value, from).length >= 1);
    expect(log.about(vm.value, from)).toEqual([stopped]);

    await run('PowerOnVM_Task', vm);
    const running = { type: 'instance.power', instanceRef: vm.value, power: 'running' };
    await log.until('running event', () => log.about(vm.value, from).length >= 2);
    expect(log.about(vm.value, from)).toEqual([stopped, running]);
    expect(log.syncs).toBe(1);
  });

  it('reports a host entering maintenance after its session expired, and leaving it after a restart', async () => {
    const from = log.events.length;
    await run('EnterMaintenanceMode_Task', host, { timeout: 0 });
    await terminate(watched);
    // The poll under way ends, the next one meets NotAuthenticated, the session logs in again, and its
    // collector is gone: the watcher makes a new one and compares.
    await log.until('resync after the session expired', () => log.syncs === 2);
    const down = { type: 'host.state', hostRef: host.value, state: 'down' };
    expect(log.about(host.value, from)).toEqual([down]);
    expect(log.about(vm.value, from)).toEqual([]);

    await run('ExitMaintenanceMode_Task', host, { timeout: 0 });
    await watcher.stop();
    watcher.start();
    await log.until('resync after a restart', () => log.syncs === 3);
    expect(log.about(host.value, from)).toEqual([
      down,
      { type: 'host.state', hostRef: host.value, state: 'up' },
    ]);
    expect(log.about(vm.value, from)).toEqual([]);
    // What the watcher met and recovered from: the lost collector of the expired session.
    expect(errors.length).toBeGreaterThanOrEqual(1);
  });

  /** Ends `session`'s server-side session from the admin session, as an expiry would. */
  async function terminate(session: VsphereSession): Promise<void> {
    const manager = session.content.sessionManager;
    const [current] = await retrieveObjects(session, [manager], 'SessionManager', ['currentSession']);
    const key = (current?.props.get('currentSession') as { key?: string } | undefined)?.key;
    if (typeof key !== 'string') throw new Error('no current session');
    await admin.invoke('TerminateSession', admin.content.sessionManager, { sessionId: [key] });
  }
});
