import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { EcloudError } from '@ecloud/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { moref } from '../../src/soap/soap-value.js';
import { inventory } from '../../src/vim/inventory.js';
import { retrieveObjects } from '../../src/vim/property-collector.js';
import { waitForTask } from '../../src/vim/task.js';
import { isReference } from '../../src/vim/vim-value.js';
import { VsphereSession } from '../../src/vim/vsphere-session.js';
import { vcsimEnv } from './vcsim-env.js';

// Our SOAP client and session against the real vCenter simulator (govmomi's, as Debian packages it):
// real vSphere SOAP over TLS, verified.
const env = vcsimEnv();
const ca = readFileSync(env.caFile, 'utf8');
const login = (overrides: Record<string, unknown> = {}) =>
  VsphereSession.login({
    url: env.url,
    username: env.username,
    password: env.password,
    tls: { ca },
    ...overrides,
  });

async function rejection(promise: Promise<unknown>): Promise<EcloudError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(EcloudError);
    return error as EcloudError;
  }
  throw new Error('expected a rejection');
}

describe('a vSphere session against the vCenter simulator', () => {
  let session: VsphereSession;

  beforeAll(async () => {
    session = await login();
  });
  afterAll(async () => session?.logout());

  it('reads the service content of a vCenter', () => {
    expect(session.content.about.apiType).toBe('VirtualCenter');
    expect(session.content.about.apiVersion).toBe('6.5');
    expect(session.content.rootFolder.type).toBe('Folder');
  });

  it('refuses bad credentials as a driver that cannot work, without the password in the error', async () => {
    const error = await rejection(login({ password: 'not-the-password' }));
    expect(error.code).toBe('DRIVER_UNAVAILABLE');
    expect(error.retryable).toBe(false);
    expect(error.details).toMatchObject({ faultType: 'InvalidLogin' });
    expect(JSON.stringify({ message: error.message, details: error.details })).not.toContain(
      'not-the-password',
    );
  });

  it('trusts a pinned certificate without a CA, and refuses a wrong pin or an unknown CA', async () => {
    const fingerprint = new X509Certificate(ca).fingerprint256;
    const pinned = await login({ tls: { thumbprint: fingerprint } });
    expect(pinned.content.about.apiType).toBe('VirtualCenter');
    await pinned.logout();

    const wrongPin = await rejection(login({ tls: { thumbprint: fingerprint.replace(/^../, '00') } }));
    expect(wrongPin.details).toMatchObject({ reason: 'tls-server-certificate' });
    const systemCas = await rejection(login({ tls: {} }));
    expect(systemCas).toMatchObject({ code: 'DRIVER_UNAVAILABLE', retryable: false });
    expect(systemCas.details).toMatchObject({ reason: 'tls-server-certificate' });
  });

  it('walks the inventory in one view and pages, as many hosts and VMs as the simulator has', async () => {
    const selections = [
      { type: 'HostSystem', pathSet: ['name', 'runtime.connectionState'] },
      { type: 'VirtualMachine', pathSet: ['name', 'runtime.powerState', 'runtime.host'] },
    ];
    const all = await inventory(session, selections);
    const paged = await inventory(session, selections, { pageSize: 2 });
    const refs = (list: typeof all) => list.map((o) => `${o.obj.type}:${o.obj.value}`).sort();
    expect(refs(paged)).toEqual(refs(all));
    const hosts = all.filter((o) => o.obj.type === 'HostSystem');
    const vms = all.filter((o) => o.obj.type === 'VirtualMachine');
    expect(hosts.length).toBeGreaterThan(0);
    expect(vms.length).toBeGreaterThan(0);
    for (const vm of vms) expect(isReference(vm.props.get('runtime.host'), 'HostSystem')).toBe(true);
    // The same objects, read one by one: what the view returned is what each object says.
    const first = vms[0];
    if (!first) throw new Error('no VM');
    const [again] = await retrieveObjects(session, [first.obj], 'VirtualMachine', ['name']);
    expect(again?.props.get('name')).toBe(first.props.get('name'));
  });

  it('follows a task to success, and maps a failed task to our code', async () => {
    const [vm] = (
      await inventory(session, [{ type: 'VirtualMachine', pathSet: ['runtime.powerState'] }])
    ).filter((o) => o.props.get('runtime.powerState') === 'poweredOn');
    if (!vm) throw new Error('the simulator has no running VM');
    const signal = new AbortController().signal;
    const offTask = await session.startTask('PowerOffVM_Task', vm.obj);
    expect(offTask.type).toBe('Task');
    await waitForTask(session, offTask, 'PowerOffVM_Task', { signal });
    const [state] = await retrieveObjects(session, [vm.obj], 'VirtualMachine', ['runtime.powerState']);
    expect(state?.props.get('runtime.powerState')).toBe('poweredOff');

    const againTask = await session.startTask('PowerOffVM_Task', vm.obj);
    const error = await rejection(waitForTask(session, againTask, 'PowerOffVM_Task', { signal }));
    expect(error.code).toBe('ILLEGAL_STATE');
    expect(error.details).toMatchObject({ faultType: 'InvalidPowerState' });

    await waitForTask(session, await session.startTask('PowerOnVM_Task', vm.obj), 'PowerOnVM_Task', {
      signal,
    });
  });

  it('logs in again when the session is terminated under it, and the call goes through', async () => {
    const other = await login();
    try {
      const [current] = await retrieveObjects(session, [session.content.sessionManager], 'SessionManager', [
        'currentSession',
      ]);
      const key = (current?.props.get('currentSession') as { key?: string } | undefined)?.key;
      expect(typeof key).toBe('string');
      await other.invoke('TerminateSession', other.content.sessionManager, { sessionId: [key as string] });
      const [after] = await retrieveObjects(session, [session.content.rootFolder], 'Folder', ['name']);
      expect(after?.props.get('name')).toBeTruthy();
    } finally {
      await other.logout();
    }
  });

  it('refuses calls after logout', async () => {
    const short = await login();
    await short.logout();
    const error = await rejection(short.invoke('CurrentTime', moref('ServiceInstance', 'ServiceInstance')));
    expect(error.code).toBe('DRIVER_UNAVAILABLE');
  });
});
