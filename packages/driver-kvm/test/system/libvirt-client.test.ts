import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LibvirtClient } from '../../src/libvirt/libvirt-client.js';
import { DomainState } from '../../src/libvirt/libvirt-types.js';
import { DomainEventType, type DomainLifecycleEvent } from '../../src/libvirt/lifecycle-event.js';
import { kvmEnv } from './kvm-env.js';
import { kvmTransports } from './kvm-transports.js';
import { domainNames, dominfo } from './virsh.js';

// Our RPC client against the real libvirtd, over its unix socket and over SSH to the same socket,
// cross-checked with virsh.
const env = kvmEnv();

const transports = kvmTransports(env);

const tinyDomain = (name: string) =>
  `<domain type='test'><name>${name}</name><memory unit='KiB'>65536</memory><vcpu>1</vcpu><os><type>hvm</type></os></domain>`;

describe.each(transports)('the libvirt client over $name', ({ name, transport }) => {
  let client: LibvirtClient;
  const domain = `rpc-${name.replace(/\W/g, '')}-${process.pid}`;

  beforeAll(async () => {
    client = await LibvirtClient.connect({ transport: transport(), uri: 'test:///default' });
  });
  afterAll(async () => {
    const dom = await client.lookupDomainByName(domain).catch(() => undefined);
    if (dom) {
      await client.destroy(dom).catch(() => undefined);
      await client.undefine(dom).catch(() => undefined);
    }
    await client.close();
  });

  it('opens the hypervisor and reads what virsh reads', async () => {
    const info = await client.nodeInfo();
    expect(info.cpus).toBe(16);
    expect(info.memoryKiB).toBe(3_145_728);
    expect(await client.libVersion()).toBeGreaterThanOrEqual(9_000_000);
    const domains = await client.listAllDomains();
    expect(domains.map((d) => d.name).sort()).toEqual((await domainNames(env.testUri)).sort());
  });

  it('defines, starts, reads, stops and removes a domain, and virsh agrees at each step', async () => {
    const events: DomainLifecycleEvent[] = [];
    const stop = await client.onLifecycleEvent((event) => {
      if (event.domain.name === domain) events.push(event);
    });
    const defined = await client.defineXml(tinyDomain(domain));
    expect((await dominfo(env.testUri, domain)).get('State')).toBe('shut off');
    const started = await client.start(defined);
    expect(started.id).toBeGreaterThan(0);
    expect((await dominfo(env.testUri, domain)).get('State')).toBe('running');
    expect((await client.domainState(started)).state).toBe(DomainState.RUNNING);
    const stats = await client.allDomainStats();
    expect(stats.find((s) => s.domain.name === domain)?.params.get('state.state')).toBe(DomainState.RUNNING);
    await client.destroy(started);
    expect((await dominfo(env.testUri, domain)).get('State')).toBe('shut off');
    await client.undefine(started);
    expect(await domainNames(env.testUri)).not.toContain(domain);
    await new Promise((resolve) => setTimeout(resolve, 100));
    stop();
    expect(events.map((e) => e.event)).toEqual([
      DomainEventType.DEFINED,
      DomainEventType.STARTED,
      DomainEventType.STOPPED,
      DomainEventType.UNDEFINED,
    ]);
  });

  it("maps the daemon's errors to ours, with libvirt's code and message", async () => {
    await expect(client.lookupDomainByName('no-such-domain')).rejects.toMatchObject({
      code: 'NOT_FOUND',
      details: { libvirtCode: 42, procedure: 'DOMAIN_LOOKUP_BY_NAME' },
    });
    await expect(client.defineXml('<domain>')).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  it('carries many calls at once on one connection', async () => {
    const results = await Promise.all(Array.from({ length: 500 }, () => client.nodeInfo()));
    expect(new Set(results.map((r) => r.cpus))).toEqual(new Set([16]));
  });
});

describe('the SSH transport', () => {
  it('refuses a host whose key is not the one expected, before sending any credential', async () => {
    const refused = LibvirtClient.connect({
      transport: {
        kind: 'ssh',
        host: env.ssh.host,
        port: env.ssh.port,
        username: env.ssh.user,
        privateKey: readFileSync(env.ssh.keyFile, 'utf8'),
        hostKeyFingerprint: 'SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
        socketPath: env.socket,
      },
      uri: 'test:///default',
    });
    await expect(refused).rejects.toMatchObject({
      code: 'DRIVER_UNAVAILABLE',
      details: { reason: 'host-key' },
    });
  });

  it('accepts the host by its fingerprint as ssh-keygen prints it', async () => {
    const client = await LibvirtClient.connect({
      transport: {
        kind: 'ssh',
        host: env.ssh.host,
        port: env.ssh.port,
        username: env.ssh.user,
        privateKey: readFileSync(env.ssh.keyFile, 'utf8'),
        hostKeyFingerprint: env.ssh.hostKeyFingerprint,
        socketPath: env.socket,
      },
      uri: 'test:///default',
    });
    expect((await client.nodeInfo()).cpus).toBe(16);
    await client.close();
  });
});
