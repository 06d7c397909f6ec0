import { randomUUID } from 'node:crypto';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LibvirtClient } from '../../src/libvirt/libvirt-client.js';
import { DomainEventType, type DomainLifecycleEvent } from '../../src/libvirt/lifecycle-event.js';
import { expectRejectsEcloud } from '../helpers/errors.js';
import { kvmEnv } from './kvm-env.js';
import { virsh } from './virsh.js';

// Losing the line to the real libvirtd, and getting it back: a unix-socket relay in front of the
// daemon's socket stands in for the network (the one fault here the daemon cannot produce on its own),
// everything behind it is the real daemon.
const env = kvmEnv();

/** Relays connections on a socket of its own to libvirtd's; can cut them, stop listening, listen again. */
class Relay {
  readonly path = join(tmpdir(), `ecloud-relay-${process.pid}-${randomUUID().slice(0, 8)}.sock`);
  readonly #pairs = new Set<[Socket, Socket]>();
  #server: Server | undefined;
  accepted = 0;

  async listen(): Promise<void> {
    const server = createServer((client) => {
      this.accepted += 1;
      const daemon = createConnection(env.socket);
      const pair: [Socket, Socket] = [client, daemon];
      this.#pairs.add(pair);
      client.pipe(daemon).pipe(client);
      const drop = () => {
        client.destroy();
        daemon.destroy();
        this.#pairs.delete(pair);
      };
      client.on('error', drop).on('close', drop);
      daemon.on('error', drop).on('close', drop);
    });
    await new Promise<void>((resolve) => server.listen(this.path, resolve));
    this.#server = server;
  }

  /** Drops every relayed connection at once, as a broken network does. */
  cut(): void {
    for (const [client, daemon] of this.#pairs) {
      client.destroy();
      daemon.destroy();
    }
    this.#pairs.clear();
  }

  /** Stops accepting: a dial now fails as against a daemon that is down. */
  async stop(): Promise<void> {
    this.cut();
    await new Promise<void>((resolve) => (this.#server ? this.#server.close(() => resolve()) : resolve()));
    this.#server = undefined;
  }
}

const tinyDomain = (name: string) =>
  `<domain type='test'><name>${name}</name><memory unit='KiB'>65536</memory><vcpu>1</vcpu><os><type>hvm</type></os></domain>`;

describe('the libvirt client across a lost connection to the real daemon', () => {
  const relay = new Relay();
  // The test hypervisor's state lives while some connection to it is open.
  let keeper: LibvirtClient;

  beforeAll(async () => {
    keeper = await LibvirtClient.connect({
      transport: { kind: 'unix', path: env.socket },
      uri: 'test:///default',
    });
    await relay.listen();
  });
  afterAll(async () => {
    await relay.stop();
    await keeper?.close();
  });

  it('fails the call in flight, dials again on the next call, and keeps hearing lifecycle events', async () => {
    const client = await LibvirtClient.connect({
      transport: { kind: 'unix', path: relay.path },
      uri: 'test:///default',
      reconnect: { initialDelayMs: 0, maxDelayMs: 0 },
    });
    try {
      const events: DomainLifecycleEvent[] = [];
      await client.onLifecycleEvent((event) => events.push(event));
      expect(relay.accepted).toBe(1);

      const inFlight = client.capabilities();
      relay.cut();
      await expectRejectsEcloud(inFlight, 'DRIVER_UNAVAILABLE').catch(async () => {
        // The reply may have beaten the cut; the next call then meets the dead line instead.
        await expectRejectsEcloud(client.capabilities(), 'DRIVER_UNAVAILABLE');
      });
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(client.connected).toBe(false);

      expect(await client.hostname()).toBeTruthy();
      expect(relay.accepted).toBe(2);

      // The registration was made again on the new connection: a change made on another connection reaches us.
      const name = `reconnect-${process.pid}`;
      const dom = await keeper.defineXml(tinyDomain(name));
      try {
        await expect
          .poll(() => events.some((e) => e.domain.name === name && e.event === DomainEventType.DEFINED))
          .toBe(true);
      } finally {
        await keeper.undefine(dom);
      }
      expect(await virsh(env.testUri, 'list', '--all', '--name')).not.toContain(name);
    } finally {
      await client.close();
    }
  });

  it('backs off while the daemon is unreachable, saying when to try again, then reconnects', async () => {
    const client = await LibvirtClient.connect({
      transport: { kind: 'unix', path: relay.path },
      uri: 'test:///default',
      reconnect: { initialDelayMs: 200, maxDelayMs: 1000 },
    });
    try {
      await relay.stop();
      await new Promise((resolve) => setTimeout(resolve, 20));
      await expectRejectsEcloud(client.hostname(), 'DRIVER_UNAVAILABLE');
      const early = await expectRejectsEcloud(client.hostname(), 'DRIVER_UNAVAILABLE');
      expect(early.details).toHaveProperty('retryAfterMs');

      await relay.listen();
      await new Promise((resolve) => setTimeout(resolve, 250));
      expect(await client.hostname()).toBeTruthy();
      expect(client.connected).toBe(true);
    } finally {
      await client.close();
    }
  });
});
