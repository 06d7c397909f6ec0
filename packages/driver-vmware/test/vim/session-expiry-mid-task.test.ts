import type { EcloudError } from '@ecloud/core';
import { type Interceptable, MockAgent } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectRejectsEcloud } from '../../../../test-support/ecloud-errors.js';
import { moref } from '../../src/soap/soap-value.js';
import { waitForTask } from '../../src/vim/task.js';
import { VsphereSession } from '../../src/vim/vsphere-session.js';
import {
  answer,
  faultAnswer,
  headerRecord,
  loginAnswer,
  ORIGIN,
  readCall,
  type SoapCall,
  serviceContentAnswer,
  URL_SDK,
} from '../helpers/soap.js';

// The session expires while waitForTask long-polls a task. The PropertyCollector the watch made
// belonged to the old session: after the re-login the server no longer has it (ManagedObjectNotFound),
// so the watch must make a new one and carry on from the task's current values — and give up, typed
// and bounded, when that cannot work. The vCenter here is faked over MockAgent, as far as a task wait
// goes: sessions (cookies) that expire or are refused, collectors that belong to the session that
// made them, and one task whose info the test's script changes as the long polls arrive.

const USER = 'administrator@vsphere.local';
const PASSWORD = 'Secret!123';
const TASK = moref('Task', 'task-1042');
const COOKIE = 'vmware_soap_session';

/** `TaskInfo` as far as waitForTask watches it; `result` and `error` are the `<val>` XML. */
interface TaskInfo {
  readonly state: 'queued' | 'running' | 'success' | 'error';
  readonly progress?: number;
  readonly result?: string;
  readonly error?: string;
}

const VM_RESULT = '<val type="VirtualMachine" xsi:type="ManagedObjectReference">vm-1042</val>';
const NO_DISK_SPACE =
  '<val xsi:type="LocalizedMethodFault"><fault xsi:type="NoDiskSpace">' +
  '<filename>[datastore1] web-01/web-01.vmdk</filename><datastore>datastore1</datastore></fault>' +
  '<localizedMessage>There is no more space for virtual disk web-01.vmdk.</localizedMessage></val>';

/** The `<val>` of each watched path, undefined when the property is unset. */
function taskValues(task: TaskInfo): Record<string, string | undefined> {
  return {
    'info.state': `<val xsi:type="TaskInfoState">${task.state}</val>`,
    'info.progress':
      task.progress === undefined ? undefined : `<val xsi:type="xsd:int">${task.progress}</val>`,
    'info.error': task.error,
    'info.result': task.result,
  };
}

interface Collector {
  readonly session: string;
  filter?: string;
  version: number;
  /** What the last answer told, per path: a modify answer carries only what changed since. */
  sent: Record<string, string | undefined> | undefined;
}

/** One request as the fake saw it and answered it. */
interface Seen {
  readonly call: SoapCall;
  /** `s1`, `s2`… for the login whose cookie came with it, `-` for none. */
  readonly session: string;
  /** `ok`, or the fault type answered. */
  outcome: string;
}

class FakeVcenter {
  readonly agent = new MockAgent();
  readonly seen: Seen[] = [];
  /** The i-th WaitForUpdatesEx (from 1) runs this first: change the task, expire the session, ... */
  onWait: (n: number) => void = () => undefined;
  task: TaskInfo = { state: 'queued' };
  refuseLogins = false;
  /** The server no longer knows the task (a vCenter restart loses its tasks with its sessions). */
  taskGone = false;
  readonly #pool: Interceptable;
  readonly #cookies: string[] = [];
  readonly #live = new Set<string>();
  readonly #collectors = new Map<string, Collector>();
  #waits = 0;
  #made = 0;

  constructor() {
    this.agent.disableNetConnect();
    this.#pool = this.agent.get(ORIGIN);
    this.#pool
      .intercept({ path: '/sdk', method: 'POST' })
      .reply((request) => this.#serve(String(request.body), headerRecord(request.headers).cookie))
      .persist();
  }

  /** The server drops every session (idle timeout, an administrator's TerminateSession). */
  expireSessions(): void {
    this.#live.clear();
  }

  /** The server forgets every collector, the sessions staying (what we cannot mend). */
  dropCollectors(): void {
    this.#collectors.clear();
  }

  /** `[s2] WaitForUpdatesEx pc1 → ManagedObjectNotFound`: who asked, what, on which collector, and how it went. */
  trace(): string[] {
    return this.seen.map(({ call, session, outcome }) => {
      const on = this.#aliasOf(call.target.value);
      return `[${session}] ${call.method}${on ? ` ${on}` : ''}${outcome === 'ok' ? '' : ` → ${outcome}`}`;
    });
  }

  logins(): string[] {
    return this.seen.filter((s) => s.call.method === 'Login').map((s) => s.call.arg('userName') ?? '');
  }

  /** `pc2` for the second collector made (`session[<key>]pc-2`), the task's id for the task. */
  #aliasOf(value: string): string | undefined {
    if (value === TASK.value) return TASK.value;
    const made = /^session\[[^\]]+\]pc-(\d+)$/.exec(value)?.[1];
    return made === undefined ? undefined : `pc${made}`;
  }

  #serve(body: string, cookieHeader: string | undefined) {
    const call = readCall(body);
    const cookie = cookieHeader && new RegExp(`${COOKIE}=([^;]*)`).exec(cookieHeader)?.[1];
    const index = cookie ? this.#cookies.indexOf(cookie) : -1;
    const seen: Seen = { call, session: index < 0 ? '-' : `s${index + 1}`, outcome: 'ok' };
    this.seen.push(seen);
    // A runaway loop ends here rather than in the test's timeout; the trace then shows it.
    if (this.seen.length > 60) return { statusCode: 503, data: 'too many requests' };
    const reply = this.#answer(call, cookie || undefined);
    if ('fault' in reply) {
      seen.outcome = reply.fault;
      return { statusCode: 500, data: faultAnswer(reply.fault, reply.message, reply.fields ?? '') };
    }
    return { statusCode: 200, data: reply.body, responseOptions: { headers: reply.headers ?? {} } };
  }

  #answer(call: SoapCall, cookie: string | undefined): Reply {
    if (call.method === 'RetrieveServiceContent') return { body: serviceContentAnswer() };
    if (call.method === 'Login') return this.#login(call);
    if (call.method === 'WaitForUpdatesEx') this.onWait(++this.#waits);
    if (!cookie || !this.#live.has(cookie))
      return {
        fault: 'NotAuthenticated',
        message: 'The session is not authenticated.',
        fields: `<object type="${call.target.type}">${call.target.value}</object><privilegeId>System.View</privilegeId>`,
      };
    switch (call.method) {
      case 'CreatePropertyCollector':
        return this.#createCollector(cookie);
      case 'CreateFilter':
      case 'WaitForUpdatesEx':
      case 'DestroyPropertyCollector':
        return this.#onCollector(call, cookie);
      case 'CancelTask':
        return { body: answer('CancelTask') };
      default:
        return { fault: 'MethodNotFound', message: `the fake has no ${call.method}` };
    }
  }

  #login(call: SoapCall): Reply {
    if (this.refuseLogins || call.arg('password') !== PASSWORD)
      return {
        fault: 'InvalidLogin',
        message: 'Cannot complete login due to an incorrect user name or password.',
      };
    const key = `52d6a3f0-1c4e-4b7a-9e21-0000000000${this.#cookies.length + 1}`;
    const cookie = `"${key}"`;
    this.#cookies.push(cookie);
    this.#live.add(cookie);
    return {
      body: loginAnswer(call.arg('userName') ?? '', key),
      headers: { 'set-cookie': `${COOKIE}=${cookie}; Path=/; HttpOnly; Secure;` },
    };
  }

  #createCollector(cookie: string): Reply {
    // Named as vCenter names them: after the session that owns them.
    const id = `session[${cookie.slice(1, -1)}]pc-${++this.#made}`;
    this.#collectors.set(id, { session: cookie, version: 0, sent: undefined });
    return {
      body: answer('CreatePropertyCollector', `<returnval type="PropertyCollector">${id}</returnval>`),
    };
  }

  /** A collector answers only in the session that made it: to any other it does not exist. */
  #onCollector(call: SoapCall, cookie: string): Reply {
    const id = call.target.value;
    const collector = this.#collectors.get(id);
    if (!collector || collector.session !== cookie)
      return {
        fault: 'ManagedObjectNotFound',
        message: `The object 'vim.PropertyCollector:${id}' has already been deleted or has not been completely created`,
        fields: `<obj type="PropertyCollector">${id}</obj>`,
      };
    if (call.method === 'DestroyPropertyCollector') {
      this.#collectors.delete(id);
      return { body: answer('DestroyPropertyCollector') };
    }
    if (call.method === 'CreateFilter') {
      if (call.arg('obj') !== TASK.value) return { fault: 'InvalidArgument', message: 'not the task' };
      if (this.taskGone)
        return {
          fault: 'ManagedObjectNotFound',
          message: `The object 'vim.Task:${TASK.value}' has already been deleted or has not been completely created`,
          fields: `<obj type="Task">${TASK.value}</obj>`,
        };
      collector.filter = `${id}-filter`;
      return {
        body: answer('CreateFilter', `<returnval type="PropertyFilter">${collector.filter}</returnval>`),
      };
    }
    return { body: answer('WaitForUpdatesEx', this.#updateSet(collector, call.arg('version') ?? '')) };
  }

  /** What changed since `version` (everything set, from ''), or nothing when nothing did. */
  #updateSet(collector: Collector, version: string): string {
    const now = taskValues(this.task);
    const before = version === '' ? undefined : collector.sent;
    const changed = Object.keys(now).filter((path) =>
      before === undefined ? now[path] !== undefined : now[path] !== before[path],
    );
    if (changed.length === 0) return '';
    collector.sent = now;
    collector.version += 1;
    const changes = changed
      .map((path) => `<changeSet><name>${path}</name><op>assign</op>${now[path] ?? ''}</changeSet>`)
      .join('');
    return (
      `<returnval><version>${collector.version}</version><filterSet>` +
      `<filter type="PropertyFilter">${collector.filter}</filter><objectSet>` +
      `<kind>${before === undefined ? 'enter' : 'modify'}</kind><obj type="Task">${TASK.value}</obj>` +
      `${changes}</objectSet></filterSet></returnval>`
    );
  }
}

type Reply =
  | { readonly body: string; readonly headers?: Record<string, string> }
  | { readonly fault: string; readonly message: string; readonly fields?: string };

let fake: FakeVcenter;
let session: VsphereSession;

beforeEach(async () => {
  fake = new FakeVcenter();
  session = await VsphereSession.login({ url: URL_SDK, username: USER, password: PASSWORD }, fake.agent);
});

afterEach(async () => {
  await fake.agent.close();
});

/** Waits for the task as the driver does, gathering the progress it reports. */
function wait(signal = new AbortController().signal) {
  const progress: number[] = [];
  const done = waitForTask(session, TASK, 'CloneVM_Task', {
    signal,
    pollSeconds: 30,
    progress: (p) => progress.push(p),
  });
  return { done, progress };
}

/** A script for the long polls: step i runs when the (i+1)-th WaitForUpdatesEx arrives. */
function script(...steps: Array<(() => void) | undefined>): (n: number) => void {
  return (n) => steps[n - 1]?.();
}

const running = (progress: number) => () => {
  fake.task = { state: 'running', progress };
};
const expire = () => fake.expireSessions();

const LOGGED_IN = [
  '[-] RetrieveServiceContent',
  '[-] Login',
  '[s1] CreatePropertyCollector',
  '[s1] CreateFilter pc1',
  '[s1] WaitForUpdatesEx pc1',
];
const EXPIRED_AND_BACK = [
  '[s1] WaitForUpdatesEx pc1 → NotAuthenticated',
  '[-] Login',
  // The call the session resends after its re-login still names the old collector.
  '[s2] WaitForUpdatesEx pc1 → ManagedObjectNotFound',
  '[s2] CreatePropertyCollector',
  '[s2] CreateFilter pc2',
];

describe('a session that expires while waitForTask long-polls', () => {
  it('logs in again once, makes a new collector, and follows the task to its result', async () => {
    fake.onWait = script(running(40), expire, undefined, undefined, running(90), () => {
      fake.task = { state: 'success', progress: 100, result: VM_RESULT };
    });
    const { done, progress } = wait();

    expect(await done).toEqual(moref('VirtualMachine', 'vm-1042'));
    expect(progress).toEqual([40, 90, 100]);
    expect(fake.trace()).toEqual([
      ...LOGGED_IN,
      ...EXPIRED_AND_BACK,
      '[s2] WaitForUpdatesEx pc2',
      '[s2] WaitForUpdatesEx pc2',
      '[s2] WaitForUpdatesEx pc2',
      // The old collector went with its session: only the new one is left to destroy.
      '[s2] DestroyPropertyCollector pc2',
    ]);
    expect(fake.logins()).toEqual([USER, USER]);
    // The new collector's watch starts afresh: its first answer holds the task's current values.
    const pc2Versions = fake.seen
      .filter((s) => s.call.method === 'WaitForUpdatesEx' && s.call.target.value.endsWith('pc-2'))
      .map((s) => s.call.arg('version'));
    expect(pc2Versions).toEqual(['', '1', '2']);
    expect(session.generation).toBe(1);
  });

  it('rejects with the code of the fault the task ends in after the re-login', async () => {
    fake.onWait = script(running(40), expire, undefined, () => {
      fake.task = { state: 'error', progress: 40, error: NO_DISK_SPACE };
    });
    const { done, progress } = wait();

    const error = await expectRejectsEcloud(done, 'INSUFFICIENT_CAPACITY');
    expect(error.details).toMatchObject({
      faultType: 'NoDiskSpace',
      datastore: 'datastore1',
      task: TASK.value,
      method: 'CloneVM_Task',
    });
    expect(error.message).toContain('There is no more space for virtual disk web-01.vmdk.');
    expect(progress).toEqual([40]);
    expect(fake.trace()).toEqual([
      ...LOGGED_IN,
      ...EXPIRED_AND_BACK,
      '[s2] WaitForUpdatesEx pc2',
      '[s2] DestroyPropertyCollector pc2',
    ]);
  });

  it('fails DRIVER_UNAVAILABLE, not retryable, when the re-login is refused, trying it once', async () => {
    fake.onWait = script(running(40), () => {
      expire();
      fake.refuseLogins = true;
    });
    const { done } = wait();

    const error = await expectRejectsEcloud(done, 'DRIVER_UNAVAILABLE');
    expect(error.retryable).toBe(false);
    expect(error.details).toMatchObject({ faultType: 'InvalidLogin', method: 'Login' });
    expect(JSON.stringify({ message: error.message, details: error.details })).not.toContain(PASSWORD);
    // No second refused login (an account lockout counts those), no destroy of a collector that went
    // with the session.
    expect(fake.trace()).toEqual([
      ...LOGGED_IN,
      '[s1] WaitForUpdatesEx pc1 → NotAuthenticated',
      '[-] Login → InvalidLogin',
    ]);
    expect(fake.logins()).toEqual([USER, USER]);
  });

  it('cancels the task when aborted during the wait after the re-login', async () => {
    const controller = new AbortController();
    fake.onWait = script(running(40), expire, undefined, undefined, () => controller.abort());
    const { done, progress } = wait(controller.signal);

    const error = await expectRejectsEcloud(done, 'CANCELLED');
    expect(error.details).toMatchObject({ method: 'CloneVM_Task', task: TASK.value });
    expect(progress).toEqual([40]);
    expect(fake.trace()).toEqual([
      ...LOGGED_IN,
      ...EXPIRED_AND_BACK,
      '[s2] WaitForUpdatesEx pc2',
      // Aborted in flight: its answer never reaches the watch.
      '[s2] WaitForUpdatesEx pc2',
      '[s2] DestroyPropertyCollector pc2',
      `[s2] CancelTask ${TASK.value}`,
    ]);
  });

  it('rejects NOT_FOUND for a task the server lost with the session, not as a lost collector', async () => {
    fake.onWait = script(running(40), () => {
      expire();
      fake.taskGone = true;
    });
    const { done } = wait();

    const error = await expectRejectsEcloud(done, 'NOT_FOUND');
    expect(error.details).toMatchObject({ faultType: 'ManagedObjectNotFound', obj: TASK.value });
    expect(fake.trace()).toEqual([
      ...LOGGED_IN,
      ...EXPIRED_AND_BACK.slice(0, -1),
      '[s2] CreateFilter pc2 → ManagedObjectNotFound',
      '[s2] DestroyPropertyCollector pc2',
    ]);
  });
});

describe('a collector lost for good', () => {
  it('fails DRIVER_FAILURE at once when it vanishes though the session held', async () => {
    fake.onWait = script(running(40), () => fake.dropCollectors());
    const { done } = wait();

    const error = await expectRejectsEcloud(done, 'DRIVER_FAILURE');
    expect(error.details).toMatchObject({
      reason: 'property-collector-lost',
      renewed: false,
      obj: TASK.value,
    });
    expect((error.cause as EcloudError).details).toMatchObject({ faultType: 'ManagedObjectNotFound' });
    expect(fake.trace()).toEqual([...LOGGED_IN, '[s1] WaitForUpdatesEx pc1 → ManagedObjectNotFound']);
  });

  it('fails DRIVER_FAILURE when the new collector vanishes too, with no new session this time', async () => {
    fake.onWait = script(running(40), expire, undefined, () => fake.dropCollectors());
    const { done } = wait();

    const error = await expectRejectsEcloud(done, 'DRIVER_FAILURE');
    expect(error.details).toMatchObject({ reason: 'property-collector-lost', renewed: false });
    expect(fake.trace()).toEqual([
      ...LOGGED_IN,
      ...EXPIRED_AND_BACK,
      '[s2] WaitForUpdatesEx pc2 → ManagedObjectNotFound',
    ]);
  });

  it('gives up after 3 collectors lost in a row when every new session dies at once', async () => {
    // Each new collector's first long poll finds its session gone; the resent one finds no collector.
    fake.onWait = (n) => {
      if (n % 2 === 1) expire();
    };
    const { done } = wait();

    const error = await expectRejectsEcloud(done, 'DRIVER_FAILURE');
    expect(error.details).toMatchObject({ reason: 'property-collector-lost', renewed: true, lostInARow: 3 });
    const count = (method: string) => fake.seen.filter((s) => s.call.method === method).length;
    expect(count('CreatePropertyCollector')).toBe(3);
    expect(count('Login')).toBe(4);
    expect(count('WaitForUpdatesEx')).toBe(6);
    expect(fake.trace().at(-1)).toBe('[s4] WaitForUpdatesEx pc3 → ManagedObjectNotFound');
  });

  it('keeps going through more expired sessions than that, when each new collector answered', async () => {
    // Four times: a collector's first answer (20, 40, 60, 80 %), its session expires, the resent poll
    // finds it gone. Then the fifth collector's first answer is the task's success.
    fake.onWait = (n) => {
      if (n === 13) fake.task = { state: 'success', progress: 100, result: VM_RESULT };
      else if (n % 3 === 1) running((20 * (n + 2)) / 3)();
      else if (n % 3 === 2) expire();
    };
    const { done, progress } = wait();

    expect(await done).toEqual(moref('VirtualMachine', 'vm-1042'));
    expect(progress).toEqual([20, 40, 60, 80, 100]);
    expect(fake.seen.filter((s) => s.call.method === 'CreatePropertyCollector')).toHaveLength(5);
    expect(fake.trace().slice(-2)).toEqual([
      '[s5] WaitForUpdatesEx pc5',
      '[s5] DestroyPropertyCollector pc5',
    ]);
  });
});
