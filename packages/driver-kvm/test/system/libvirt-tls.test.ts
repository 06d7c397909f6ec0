import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { type AddressInfo, connect, createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LibvirtClient } from '../../src/libvirt/libvirt-client.js';
import type { LibvirtTransportInput } from '../../src/transport/transport-options.js';
import { expectRejectsEcloud } from '../helpers/errors.js';
import { kvmEnv } from './kvm-env.js';
import { domainNames, dominfo, virsh } from './virsh.js';

// Our TLS transport against the real libvirtd's TLS listener (GnuTLS, client certificate required),
// cross-checked with virsh over the daemon's unix socket. The refusals are as much the point as the
// connection: a wrong CA, no or an untrusted client certificate, and an address the daemon's
// certificate does not name must each fail, quickly, with a typed error.
const env = kvmEnv();
const pem = {
  ca: readFileSync(env.tls.caFile, 'utf8'),
  cert: readFileSync(env.tls.certFile, 'utf8'),
  key: readFileSync(env.tls.keyFile, 'utf8'),
  wrongCa: readFileSync(env.tls.wrongCaFile, 'utf8'),
};

type TlsInput = Extract<LibvirtTransportInput, { kind: 'tls' }>;

/** The transport as services.sh describes it, with `change` applied. */
function tls(change: Partial<TlsInput> = {}): TlsInput {
  return {
    kind: 'tls',
    host: env.tls.host,
    port: env.tls.port,
    ca: pem.ca,
    cert: pem.cert,
    key: pem.key,
    ...change,
  };
}

function connectOver(transport: TlsInput): Promise<LibvirtClient> {
  return LibvirtClient.connect({ transport, uri: 'test:///default' });
}

/** A refusal must come from the TLS layer, not from a call deadline (60 s): well under this. */
const PROMPT_MS = 10_000;

/** How long `promise` takes to settle, and its rejection. */
async function timedRejection(promise: Promise<unknown>, expected: 'DRIVER_UNAVAILABLE') {
  const started = Date.now();
  const error = await expectRejectsEcloud(promise, expected);
  return { error, ms: Date.now() - started };
}

const tinyDomain = (name: string) =>
  `<domain type='test'><name>${name}</name><memory unit='KiB'>65536</memory><vcpu>1</vcpu><os><type>hvm</type></os></domain>`;

describe('the libvirt client over TLS', () => {
  let client: LibvirtClient;
  const domain = `rpc-tls-${process.pid}`;

  beforeAll(async () => {
    client = await connectOver(tls());
  });
  afterAll(async () => {
    const dom = await client.lookupDomainByName(domain).catch(() => undefined);
    if (dom) await client.undefine(dom).catch(() => undefined);
    await client.close();
  });

  it('opens the hypervisor and sees what virsh sees over the unix socket', async () => {
    expect(client.connected).toBe(true);
    const domains = await client.listAllDomains();
    expect(domains.map((d) => d.name)).toContain('test');
    expect(domains.map((d) => d.name).sort()).toEqual((await domainNames(env.testUri)).sort());
    expect(await client.hostname()).toBe((await virsh(env.testUri, 'hostname')).trim());
    const info = await client.nodeInfo();
    expect(info.cpus).toBe(Number((await virsh(env.testUri, 'nodeinfo')).match(/^CPU\(s\):\s+(\d+)/m)?.[1]));
  });

  it('changes state that virsh then sees, and removes it again', async () => {
    expect(await domainNames(env.testUri)).not.toContain(domain);
    const defined = await client.defineXml(tinyDomain(domain));
    expect(defined.name).toBe(domain);
    expect((await dominfo(env.testUri, domain)).get('State')).toBe('shut off');
    expect((await dominfo(env.testUri, domain)).get('UUID')).toBe(defined.uuid);
    await client.undefine(defined);
    expect(await domainNames(env.testUri)).not.toContain(domain);
  });

  it('carries many calls at once over one TLS connection without waiting for other traffic', async () => {
    // libvirtd leaves packets that share a TLS record unread until more bytes arrive; with keepalive
    // PINGs off nothing else arrives, so packets coalesced into one record would stall to the deadline.
    const quiet = await LibvirtClient.connect({
      transport: tls(),
      uri: 'test:///default',
      keepalive: false,
      timeoutMs: 5000,
    });
    try {
      const started = Date.now();
      const results = await Promise.all(Array.from({ length: 200 }, () => quiet.nodeInfo()));
      expect(new Set(results.map((r) => r.cpus)).size).toBe(1);
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      await quiet.close();
    }
  });

  it("accepts the daemon's certificate by its DNS name too", async () => {
    const byName = await connectOver(tls({ host: 'localhost' }));
    try {
      expect((await byName.listAllDomains()).map((d) => d.name)).toContain('test');
    } finally {
      await byName.close();
    }
  });
});

describe('the TLS transport, refused', () => {
  let scratch: string;
  /** A client certificate with the right uses, signed by no CA the daemon knows. */
  let strangerPem: { cert: string; key: string };

  beforeAll(() => {
    scratch = mkdtempSync(join(tmpdir(), 'ecloud-libvirt-tls-'));
    const [cert, key] = [join(scratch, 'cert.pem'), join(scratch, 'key.pem')];
    execFileSync(
      'openssl',
      [
        ...['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=stranger'],
        ...['-addext', 'keyUsage=critical,digitalSignature,keyEncipherment'],
        ...['-addext', 'extendedKeyUsage=clientAuth', '-keyout', key, '-out', cert],
      ],
      { stdio: 'ignore' },
    );
    strangerPem = { cert: readFileSync(cert, 'utf8'), key: readFileSync(key, 'utf8') };
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('rejects a daemon certificate that another CA of the same name signed', async () => {
    const { error, ms } = await timedRejection(connectOver(tls({ ca: pem.wrongCa })), 'DRIVER_UNAVAILABLE');
    expect(error.message).toMatch(/certificate/);
    expect(error.details).toMatchObject({ reason: 'tls-server-certificate' });
    expect(error.retryable).toBe(false);
    expect(ms).toBeLessThan(PROMPT_MS);
  });

  it('fails typed when the daemon refuses a client that shows no certificate', async () => {
    const { error, ms } = await timedRejection(
      connectOver(tls({ cert: undefined, key: undefined })),
      'DRIVER_UNAVAILABLE',
    );
    expect(error.message).toMatch(/client certificate/);
    expect(error.details).toMatchObject({ reason: 'tls-client-refused' });
    expect(error.retryable).toBe(false);
    expect(ms).toBeLessThan(PROMPT_MS);
  });

  it('fails typed when the daemon refuses a client certificate its CA did not sign', async () => {
    const { error, ms } = await timedRejection(
      connectOver(tls({ cert: strangerPem.cert, key: strangerPem.key })),
      'DRIVER_UNAVAILABLE',
    );
    expect(error.details).toMatchObject({ reason: 'tls-client-refused' });
    expect(ms).toBeLessThan(PROMPT_MS);
  });

  describe('at an address the daemon’s certificate does not name', () => {
    // libvirtd listens on 127.0.0.1 only, and its certificate names IP 127.0.0.1 and DNS localhost.
    // A byte-for-byte TCP relay on 127.0.0.2 puts the real daemon, with the right CA and a good client
    // certificate, behind an address its certificate lacks: only name verification can refuse it.
    // The same relay on 127.0.0.1 must let the connection through, or the relay, not the name, failed.
    const relays: Server[] = [];

    async function relay(address: string): Promise<number> {
      const server = createServer((down) => {
        const up = connect(env.tls.port, env.tls.host);
        down.pipe(up).pipe(down);
        up.on('error', () => down.destroy());
        down.on('error', () => up.destroy());
      });
      relays.push(server);
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, address, resolve);
      });
      return (server.address() as AddressInfo).port;
    }

    afterAll(async () => {
      await Promise.all(relays.map((server) => new Promise((resolve) => server.close(resolve))));
    });

    it('connects through the relay at the address the certificate names', async () => {
      const through = await connectOver(tls({ host: '127.0.0.1', port: await relay('127.0.0.1') }));
      expect((await through.listAllDomains()).map((d) => d.name)).toContain('test');
      await through.close();
    });

    it('rejects the daemon through the relay at an address the certificate lacks', async () => {
      const port = await relay('127.0.0.2');
      const { error, ms } = await timedRejection(
        connectOver(tls({ host: '127.0.0.2', port })),
        'DRIVER_UNAVAILABLE',
      );
      expect(error.message).toMatch(/does not match certificate's altnames: IP: 127\.0\.0\.2/);
      expect(error.details).toMatchObject({ reason: 'tls-server-certificate' });
      expect(ms).toBeLessThan(PROMPT_MS);
    });
  });
});
