import { type DriverEvent, EcloudError } from '@ecloud/core';
import { MockAgent } from 'undici';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { expectThrowsEcloud } from '../../../../test-support/ecloud-errors.js';
import {
  Backoff,
  VsphereEventWatcher,
  type VsphereEventWatcherOptions,
} from '../../src/driver/vsphere-event-watcher.js';
import { moref } from '../../src/soap/soap-value.js';
import { VsphereSession } from '../../src/vim/vsphere-session.js';
import {
  answer,
  answerEvery,
  faultAnswer,
  loginAnswer,
  ORIGIN,
  type ScriptedReply,
  type SoapCall,
  serviceContentAnswer,
  URL_SDK,
} from '../helpers/soap.js';

// The event watcher against a fake vCenter over undici's MockAgent: the fake answers every call in
// whatever order it comes, keeps which collectors and views live (a re-login loses them, as vCenter's
// do), and hands each WaitForUpdatesEx the answer a test gives it — a poll waits until one is given,
// so "the watcher polls again" is how a test knows the previous answer was handled.

const DATACENTER = moref('Datacenter', 'datacenter-2');
const NO_CHANGE = answer('WaitForUpdatesEx');

class FakeVcenter {
  readonly calls: SoapCall[] = [];
  /** Each call's whole body, by method (readCall's arg() reads only the first of a repeated element). */
  readonly bodies = new Map<string, string>();
  /** Collectors and views of the current session. */
  readonly live = new Set<string>();
  #made = 0;
  readonly #queued: ScriptedReply[] = [];
  #pending: ((body: string) => void) | undefined;

  handle(call: SoapCall, body: string): ScriptedReply {
    this.calls.push(call);
    this.bodies.set(call.method, body);
    switch (call.method) {
      case 'RetrieveServiceContent':
        return { body: serviceContentAnswer() };
      case 'Login':
        this.live.clear();
        return { body: loginAnswer('u', `session-${this.count('Login')}`) };
      case 'CreatePropertyCollector':
        return this.#make('PropertyCollector', 'collector');
      case 'CreateContainerView':
        return this.#make('ContainerView', 'view');
      case 'CreateFilter':
        return this.#onLive(call, () => ({
          body: answer('CreateFilter', '<returnval type="PropertyFilter">filter-1</returnval>'),
        }));
      case 'WaitForUpdatesEx':
        return this.#onLive(call, () => this.#poll());
      case 'DestroyPropertyCollector':
      case 'DestroyView':
        return this.#onLive(call, () => {
          this.live.delete(call.target.value);
          return { body: answer(call.method) };
        });
      default:
        throw new Error(`the fake vCenter does not know ${call.method}`);
    }
  }

  /** Answers the waiting long poll (or the next one) with `body`. */
  reply(body: string): void {
    const pending = this.#pending;
    this.#pending = undefined;
    if (pending) pending(body);
    else this.#queued.push({ body });
  }

  /** The next long poll fails with `reply`; one waiting now ends with no change first, as its wait would. */
  fail(reply: ScriptedReply): void {
    if (this.#pending) this.reply(NO_CHANGE);
    this.#queued.push(reply);
  }

  /** A poll that stop() aborted is never answered: the next answer is the next poll's. */
  abandonPoll(): void {
    this.#pending = undefined;
  }

  count(method: string): number {
    return this.calls.filter((c) => c.method === method).length;
  }

  /** Each long poll as sent. */
  polls(): SoapCall[] {
    return this.calls.filter((c) => c.method === 'WaitForUpdatesEx');
  }

  /** Resolves once the watcher has sent its `n`th long poll (so it has handled every answer before). */
  async polled(n: number): Promise<void> {
    await vi.waitFor(() => expect(this.count('WaitForUpdatesEx')).toBe(n));
  }

  #make(type: string, kind: string): ScriptedReply {
    this.#made += 1;
    const value = `session[${this.count('Login')}]${kind}-${this.#made}`;
    this.live.add(value);
    return { body: answer(`Create${type}`, ref(type, value)) };
  }

  /** What vCenter answers for an object of another (or an expired) session: it is not found. */
  #onLive(call: SoapCall, reply: () => ScriptedReply): ScriptedReply {
    if (this.live.has(call.target.value)) return reply();
    const obj = `<obj type="${call.target.type}">${call.target.value}</obj>`;
    return { status: 500, body: faultAnswer('ManagedObjectNotFound', 'The object has been deleted.', obj) };
  }

  #poll(): ScriptedReply {
    const queued = this.#queued.shift();
    if (queued) return queued;
    return { body: new Promise<string>((resolve) => (this.#pending = resolve)) };
  }
}

function ref(type: string, value: string): string {
  return `<returnval type="${type}">${value}</returnval>`;
}

const change = (name: string, type: string, value: string) =>
  `<changeSet><name>${name}</name><op>assign</op><val xsi:type="${type}">${value}</val></changeSet>`;

type Kind = 'enter' | 'modify' | 'leave';

function vm(kind: Kind, id: string, power?: string): string {
  const changes = power === undefined ? '' : change('runtime.powerState', 'VirtualMachinePowerState', power);
  return `<objectSet><kind>${kind}</kind><obj type="VirtualMachine">${id}</obj>${changes}</objectSet>`;
}

interface HostProps {
  readonly connection?: string;
  readonly maintenance?: boolean;
  readonly power?: string;
}
const UP: HostProps = { connection: 'connected', maintenance: false, power: 'poweredOn' };

function host(kind: Kind, id: string, props: HostProps): string {
  const changes = [
    props.connection && change('runtime.connectionState', 'HostSystemConnectionState', props.connection),
    props.maintenance !== undefined &&
      change('runtime.inMaintenanceMode', 'xsd:boolean', String(props.maintenance)),
    props.power && change('runtime.powerState', 'HostSystemPowerState', props.power),
  ];
  return `<objectSet><kind>${kind}</kind><obj type="HostSystem">${id}</obj>${changes.filter(Boolean).join('')}</objectSet>`;
}

/** A `WaitForUpdatesEx` answer: an `UpdateSet` with one filter's object updates. */
function updates(version: string, objects: readonly string[], truncated = false): string {
  return answer(
    'WaitForUpdatesEx',
    `<returnval><version>${version}</version><filterSet><filter type="PropertyFilter">filter-1</filter>` +
      `${objects.join('')}</filterSet>${truncated ? '<truncated>true</truncated>' : ''}</returnval>`,
  );
}

const power = (instanceRef: string, state: string): DriverEvent =>
  ({ type: 'instance.power', instanceRef, power: state }) as DriverEvent;
const hostEvent = (hostRef: string, state: string): DriverEvent =>
  ({ type: 'host.state', hostRef, state }) as DriverEvent;

const BASELINE = updates('1', [
  vm('enter', 'vm-1', 'poweredOn'),
  vm('enter', 'vm-2', 'poweredOn'),
  vm('enter', 'vm-3', 'poweredOff'),
  host('enter', 'host-1', UP),
  host('enter', 'host-2', { connection: 'disconnected', maintenance: false, power: 'poweredOff' }),
]);

let agent: MockAgent | undefined;
let watcher: VsphereEventWatcher | undefined;

afterEach(async () => {
  await watcher?.stop();
  watcher = undefined;
  await agent?.close();
  agent = undefined;
});

/** A watcher over a fake vCenter, started; resolves when its first long poll is waiting. */
async function watching(options: VsphereEventWatcherOptions = {}, listener?: (event: DriverEvent) => void) {
  agent = new MockAgent();
  agent.disableNetConnect();
  const fake = new FakeVcenter();
  answerEvery(agent.get(ORIGIN), (call, body) => fake.handle(call, body));
  const session = await VsphereSession.login({ url: URL_SDK, username: 'u', password: 'p' }, agent);
  const events: DriverEvent[] = [];
  const errors: unknown[] = [];
  const syncs: number[] = [];
  const started = new VsphereEventWatcher(
    async () => session,
    DATACENTER,
    listener ?? ((event) => events.push(event)),
    {
      firstBackoffMs: 1,
      maxBackoffMs: 4,
      onError: (error) => errors.push(error),
      onSynced: (objects) => syncs.push(objects),
      ...options,
    },
  );
  watcher = started;
  started.start();
  await fake.polled(1);
  return { fake, events, errors, syncs, watcher: started };
}

describe('the watch it sets up', () => {
  it('is one container view over VMs and hosts, one filter through it, and paged long polls', async () => {
    const { fake } = await watching();
    const view = fake.calls.find((c) => c.method === 'CreateContainerView');
    expect(view?.target.value).toBe('ViewManager');
    expect(view?.arg('container')).toBe('datacenter-2');
    expect(view?.arg('recursive')).toBe('true');
    const filter = fake.calls.find((c) => c.method === 'CreateFilter');
    expect(filter?.target.value).toMatch(/collector/);
    expect(filter?.arg('path')).toBe('view');
    expect(filter?.arg('partialUpdates')).toBe('false');
    const [poll] = fake.polls();
    expect(poll?.target.value).toBe(filter?.target.value);
    expect(poll?.arg('version')).toBe('');
    expect(poll?.arg('maxWaitSeconds')).toBe('60');
    expect(poll?.arg('maxObjectUpdates')).toBe('1000');
  });

  it('asks for the VM power state and the three host properties a host state is made of', async () => {
    const { fake } = await watching();
    expect(fake.bodies.get('CreateContainerView')).toContain(
      '<type>VirtualMachine</type><type>HostSystem</type><recursive>true</recursive>',
    );
    const filter = fake.bodies.get('CreateFilter') ?? '';
    expect(filter).toContain(
      '<propSet><type>VirtualMachine</type><all>false</all><pathSet>runtime.powerState</pathSet></propSet>',
    );
    expect(filter).toContain(
      '<propSet><type>HostSystem</type><all>false</all><pathSet>runtime.connectionState</pathSet>' +
        '<pathSet>runtime.inMaintenanceMode</pathSet><pathSet>runtime.powerState</pathSet></propSet>',
    );
    expect(filter).toContain('<skip>true</skip><selectSet xsi:type="TraversalSpec"><name>view</name>');
  });
});

describe('events', () => {
  it('reports nothing for the first snapshot, then each change of a mapped state once', async () => {
    const { fake, events } = await watching();
    fake.reply(BASELINE);
    await fake.polled(2);
    expect(events).toEqual([]);
    expect(fake.polls()[1]?.arg('version')).toBe('1');

    fake.reply(
      updates('2', [
        vm('modify', 'vm-1', 'poweredOff'),
        vm('modify', 'vm-2', 'suspended'),
        host('modify', 'host-1', { maintenance: true }),
      ]),
    );
    await fake.polled(3);
    expect(events).toEqual([
      power('vm-1', 'stopped'),
      power('vm-2', 'suspended'),
      hostEvent('host-1', 'down'),
    ]);
    expect(fake.polls()[2]?.arg('version')).toBe('2');
  });

  it('reports nothing for a change that leaves the mapped state as it was', async () => {
    const { fake, events } = await watching();
    fake.reply(BASELINE);
    fake.reply(
      updates('2', [
        // Still disconnected, whatever its power.
        host('modify', 'host-2', { power: 'poweredOn' }),
        // Powered off, and a state we do not know of: both are "stopped".
        vm('modify', 'vm-3', 'standBy'),
        // Up, and its power state said again.
        host('modify', 'host-1', { power: 'poweredOn' }),
      ]),
    );
    await fake.polled(3);
    fake.reply(updates('3', [host('modify', 'host-2', { connection: 'connected' })]));
    await fake.polled(4);
    // A host's state is made of all three properties: the power it got while disconnected counts now.
    expect(events).toEqual([hostEvent('host-2', 'up')]);
  });

  it('records a VM that appears without reporting it, reports its changes, and forgets one that leaves', async () => {
    const { fake, events } = await watching();
    fake.reply(BASELINE);
    fake.reply(updates('2', [vm('enter', 'vm-9', 'poweredOn')]));
    await fake.polled(3);
    expect(events).toEqual([]);
    fake.reply(updates('3', [vm('modify', 'vm-9', 'poweredOff'), vm('leave', 'vm-1')]));
    // Back under the same id (unregistered and registered again): a new object, nothing to compare with.
    fake.reply(updates('4', [vm('enter', 'vm-1', 'poweredOff')]));
    await fake.polled(5);
    expect(events).toEqual([power('vm-9', 'stopped')]);
  });

  it('follows truncated answers with their version: a paged snapshot, then a paged burst', async () => {
    const { fake, events, syncs } = await watching();
    fake.reply(updates('1', [vm('enter', 'vm-1', 'poweredOn'), vm('enter', 'vm-2', 'poweredOn')], true));
    await fake.polled(2);
    expect(syncs).toEqual([]);
    // A change between two pages of the snapshot is part of the snapshot: nothing to report.
    fake.reply(updates('2', [vm('modify', 'vm-1', 'poweredOff'), host('enter', 'host-1', UP)]));
    await fake.polled(3);
    expect(events).toEqual([]);
    expect(syncs).toEqual([3]);
    fake.reply(updates('3', [vm('modify', 'vm-1', 'poweredOff')], true));
    await fake.polled(4);
    fake.reply(updates('4', [vm('modify', 'vm-2', 'poweredOff')]));
    await fake.polled(5);
    expect(fake.polls().map((p) => p.arg('version'))).toEqual(['', '1', '2', '3', '4']);
    expect(events).toEqual([power('vm-2', 'stopped')]);
  });

  it('goes on when the listener throws, and tells onError', async () => {
    const events: DriverEvent[] = [];
    const { fake, errors } = await watching({}, (event) => {
      events.push(event);
      if (events.length === 1) throw new Error('listener broke');
    });
    fake.reply(BASELINE);
    fake.reply(updates('2', [vm('modify', 'vm-1', 'poweredOff'), vm('modify', 'vm-2', 'poweredOff')]));
    fake.reply(updates('3', [vm('modify', 'vm-3', 'poweredOn')]));
    await fake.polled(4);
    expect(events).toEqual([power('vm-1', 'stopped'), power('vm-2', 'stopped'), power('vm-3', 'running')]);
    expect(errors).toEqual([new Error('listener broke')]);
    expect(fake.count('CreatePropertyCollector')).toBe(1);
  });
});

describe('after a failure', () => {
  it.each([
    ['a fault', { status: 500, body: faultAnswer('SystemError', 'A general system error occurred.') }, 1],
    ['HTTP 503', { status: 503, body: '<html><body>Service Unavailable</body></html>' }, 1],
    // The session logs in again and sends the poll again: its collector went with the old session.
    [
      'an expired session',
      { status: 500, body: faultAnswer('NotAuthenticated', 'The session is not authenticated.') },
      2,
    ],
  ])(
    '(%s) makes a new collector and view, and reports a change missed meanwhile once',
    async (_label, failure, logins) => {
      // The expired session's poll is sent twice: before the re-login, and after it to the lost collector.
      const resent = logins - 1;
      const { fake, events, errors, syncs } = await watching();
      fake.reply(BASELINE);
      await fake.polled(2);
      expect(syncs).toEqual([5]);
      fake.fail(failure);
      // What the new snapshot shows: vm-1 stopped and host-1 in maintenance while we were away, vm-2
      // and host-2 as they were, vm-3 deleted, vm-4 created.
      fake.reply(
        updates('1', [
          vm('enter', 'vm-1', 'poweredOff'),
          vm('enter', 'vm-2', 'poweredOn'),
          vm('enter', 'vm-4', 'poweredOn'),
          host('enter', 'host-1', { ...UP, maintenance: true }),
          host('enter', 'host-2', { connection: 'disconnected', maintenance: false, power: 'poweredOff' }),
        ]),
      );
      await fake.polled(5 + resent);
      expect(events).toEqual([power('vm-1', 'stopped'), hostEvent('host-1', 'down')]);
      expect(syncs).toEqual([5, 5]);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toBeInstanceOf(EcloudError);
      expect(fake.count('Login')).toBe(logins);
      expect(fake.count('CreatePropertyCollector')).toBe(2);
      expect(fake.count('CreateContainerView')).toBe(2);
      const fresh = fake.polls()[3 + resent];
      expect(fresh?.arg('version')).toBe('');
      expect(fresh?.target.value).not.toBe(fake.polls()[0]?.target.value);
      // Only the new collector and view live: the old ones were destroyed, or went with their session.
      expect(fake.live.size).toBe(2);

      // Known again: its next change is reported, and once.
      fake.reply(updates('2', [vm('modify', 'vm-4', 'poweredOff'), vm('modify', 'vm-1', 'poweredOff')]));
      await fake.polled(6 + resent);
      expect(events).toEqual([
        power('vm-1', 'stopped'),
        hostEvent('host-1', 'down'),
        power('vm-4', 'stopped'),
      ]);
    },
  );

  it('keeps trying while the server fails, each failure told to onError', async () => {
    const { fake, events, errors } = await watching();
    fake.reply(BASELINE);
    await fake.polled(2);
    const down = { status: 503, body: 'Service Unavailable' };
    fake.fail(down);
    fake.fail(down);
    fake.fail(down);
    fake.reply(BASELINE);
    await fake.polled(7);
    expect(errors).toHaveLength(3);
    expect(fake.count('CreatePropertyCollector')).toBe(4);
    expect(events).toEqual([]);
  });
});

describe('stop', () => {
  it('ends the long poll, destroys the collector and the view, and makes no call after', async () => {
    const { fake, watcher: started, errors } = await watching();
    fake.reply(BASELINE);
    await fake.polled(2);
    expect(fake.live.size).toBe(2);
    await started.stop();
    expect(fake.live.size).toBe(0);
    expect(fake.count('DestroyPropertyCollector')).toBe(1);
    expect(fake.count('DestroyView')).toBe(1);
    const calls = fake.calls.length;
    await started.stop();
    expect(fake.calls.length).toBe(calls);
    expect(errors).toEqual([]);
  });

  it('ends a backoff wait at once', async () => {
    const { fake, watcher: started, errors } = await watching({ firstBackoffMs: 600_000 });
    fake.fail({ status: 503, body: 'Service Unavailable' });
    await vi.waitFor(() => expect(errors).toHaveLength(1));
    await started.stop();
    expect(fake.count('CreatePropertyCollector')).toBe(1);
  });

  it('can start again, and a second start() is no second watch', async () => {
    const { fake, watcher: started, events } = await watching();
    started.start();
    fake.reply(BASELINE);
    await fake.polled(2);
    expect(fake.count('CreatePropertyCollector')).toBe(1);
    await started.stop();
    fake.abandonPoll();
    started.start();
    // What changed while stopped is reported, compared with what was known before.
    fake.reply(updates('1', [vm('enter', 'vm-1', 'poweredOff'), host('enter', 'host-1', UP)]));
    await fake.polled(4);
    expect(events).toEqual([power('vm-1', 'stopped')]);
  });
  it('keeps watching when start() comes before stop() has resolved', async () => {
    const { fake, watcher: started, events } = await watching();
    fake.reply(BASELINE);
    await fake.polled(2);
    const stopping = started.stop();
    fake.abandonPoll();
    started.start();
    await stopping;
    await fake.polled(3);
    fake.reply(BASELINE);
    await fake.polled(4);
    fake.reply(updates('2', [vm('modify', 'vm-1', 'poweredOff')]));
    await fake.polled(5);
    expect(events).toEqual([power('vm-1', 'stopped')]);
    expect(fake.count('CreatePropertyCollector')).toBe(2);
    expect(fake.count('DestroyPropertyCollector')).toBe(1);
  });
});

describe('options', () => {
  it.each([
    [{ pollSeconds: 0 }],
    [{ maxObjectUpdates: 0 }],
    [{ firstBackoffMs: 0.5 }],
    [{ retries: 3 } as VsphereEventWatcherOptions],
  ])('refuses %j with INVALID_ARGUMENT', (options) => {
    expectThrowsEcloud(
      () =>
        new VsphereEventWatcher(
          async () => ({}) as VsphereSession,
          DATACENTER,
          () => {},
          options,
        ),
      'INVALID_ARGUMENT',
    );
  });

  it('backs off from the first delay, doubling up to the maximum, and back to the first on reset', () => {
    const backoff = new Backoff(1000, 30_000);
    const delays = Array.from({ length: 7 }, () => backoff.next());
    expect(delays).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000]);
    backoff.reset();
    expect(backoff.next()).toBe(1000);
  });
});
