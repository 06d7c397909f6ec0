import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { type AddressInfo, connect as connectTcp, createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Duplex } from 'node:stream';
import { createServer, type Server, type TLSSocket } from 'node:tls';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { dial } from '../../src/transport/dial.js';
import { LibvirtTransport } from '../../src/transport/transport-options.js';
import { expectRejectsEcloud } from '../helpers/errors.js';

// dial() over TLS against a Node TLS server that plays libvirtd's part after the handshake: one byte,
// 1, once it accepts the client's certificate, or a closed connection. The real daemon is in
// test/system/libvirt-tls.test.ts; this pins the byte handling down without one.

let dir: string;
/** One self-signed certificate (IP 127.0.0.1, DNS localhost) serves as CA, server and client. */
let pem: { cert: string; key: string };
/** Another self-signed certificate with the same names: a CA that signed nothing the server shows. */
let otherCa: string;
let server: Server | undefined;
const accepted = new Set<TLSSocket>();

function selfSigned(name: string): { cert: string; key: string } {
  const [cert, key] = [join(dir, `${name}-cert.pem`), join(dir, `${name}-key.pem`)];
  execFileSync(
    'openssl',
    [
      ...['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost'],
      ...['-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost', '-keyout', key, '-out', cert],
    ],
    { stdio: 'ignore' },
  );
  return { cert: readFileSync(cert, 'utf8'), key: readFileSync(key, 'utf8') };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ecloud-tls-dial-'));
  pem = selfSigned('ours');
  otherCa = selfSigned('other').cert;
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

afterEach(async () => {
  // close() waits for every connection to end: a failed test must not leave the next one waiting.
  for (const socket of accepted) socket.destroy();
  accepted.clear();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
});

/** A TLS server that asks for (and, like libvirtd, does not itself enforce) a client certificate. */
async function daemon(onClient: (socket: TLSSocket) => void): Promise<number> {
  const started = createServer({ ...pem, requestCert: true, rejectUnauthorized: false }, (socket) => {
    accepted.add(socket);
    // The client may reset the connection while refusing it: not the server's failure.
    socket.on('error', () => {});
    onClient(socket);
  });
  server = started;
  await new Promise<void>((resolve) => started.listen(0, '127.0.0.1', resolve));
  return (started.address() as AddressInfo).port;
}

function tls(port: number, extra: { ca?: string; cert?: string; key?: string; host?: string } = {}) {
  return LibvirtTransport.parse({ kind: 'tls', host: '127.0.0.1', port, ca: pem.cert, ...extra });
}

/** tls() with a client certificate (the same self-signed one: the fake daemon trusts anything). */
function tlsWithCert(port: number, host?: string) {
  return tls(port, { cert: pem.cert, key: pem.key, ...(host === undefined ? {} : { host }) });
}

/** The next `length` bytes the stream delivers in flowing mode, as the RPC connection reads them. */
function nextBytes(stream: Duplex, length: number): Promise<Buffer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      const all = Buffer.concat(chunks);
      if (all.length >= length) resolve(all);
    });
  });
}

describe('dial over TLS', () => {
  it.each([
    { name: 'in the same record as what follows', split: false },
    { name: 'in a record of its own', split: true },
  ])('takes libvirtd’s accept byte $name and hands on every byte after it', async ({ split }) => {
    const port = await daemon((socket) => {
      if (split) {
        socket.write(Buffer.from([1]));
        setTimeout(() => socket.write(Buffer.from('00000004', 'hex')), 50);
      } else {
        socket.write(Buffer.from('0100000004', 'hex'));
      }
    });
    const stream = await dial(tlsWithCert(port));
    expect((await nextBytes(stream, 4)).toString('hex')).toBe('00000004');
    stream.destroy();
  });

  it('sends each packet in a TLS record of its own, however many are written at once', async () => {
    // libvirtd answers only the first packet of a record that holds several until more bytes arrive;
    // a relay that parses the client's TLS records shows how the writes were cut.
    let received = Buffer.alloc(0);
    let gotAll: () => void = () => {};
    const all = new Promise<void>((resolve) => {
      gotAll = resolve;
    });
    const port = await daemon((socket) => {
      socket.write(Buffer.from([1]));
      socket.on('data', (chunk: Buffer) => {
        received = Buffer.concat([received, chunk]);
        if (received.length >= 5 * 8) gotAll();
      });
    });
    let records = 0;
    const relay = createNetServer((down) => {
      const up = connectTcp(port, '127.0.0.1');
      let unparsed = Buffer.alloc(0);
      down.on('data', (chunk: Buffer) => {
        unparsed = Buffer.concat([unparsed, chunk]);
        // A TLS record: type (23 = application data, also for TLS 1.3's encrypted handshake), version,
        // 16-bit length, body.
        while (unparsed.length >= 5 && unparsed.length >= 5 + unparsed.readUInt16BE(3)) {
          if (unparsed[0] === 23) records += 1;
          unparsed = unparsed.subarray(5 + unparsed.readUInt16BE(3));
        }
        up.write(chunk);
      });
      up.pipe(down);
      up.on('error', () => down.destroy());
      down.on('error', () => up.destroy());
    });
    await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
    const stream = await dial(tlsWithCert((relay.address() as AddressInfo).port));
    try {
      const before = records;
      for (let i = 0; i < 5; i++) stream.write(Buffer.alloc(8, i));
      await all;
      expect(received).toEqual(Buffer.concat(Array.from({ length: 5 }, (_, i) => Buffer.alloc(8, i))));
      expect(records - before).toBeGreaterThanOrEqual(5);
    } finally {
      stream.destroy();
      await new Promise((resolve) => relay.close(resolve));
    }
  });

  it('reports a daemon that closes after the handshake as refusing our certificate, not as unreachable', async () => {
    const port = await daemon((socket) => {
      // libvirtd's order: handshake, then the certificate check, then '\1' or a closed socket.
      if (socket.getPeerCertificate().raw === undefined) socket.end();
      else socket.write(Buffer.from([1]));
    });
    const error = await expectRejectsEcloud(dial(tls(port)), 'DRIVER_UNAVAILABLE');
    expect(error.retryable).toBe(false);
    expect(error.details).toMatchObject({ reason: 'tls-client-refused', where: `127.0.0.1:${port}` });
    expect(error.message).toMatch(/client certificate/);
    // The same daemon accepts the client that shows a certificate: the refusal was about the certificate.
    (await dial(tlsWithCert(port))).destroy();
  });

  it('refuses a peer that answers the handshake with anything but the accept byte', async () => {
    const port = await daemon((socket) => socket.write(Buffer.from([0x20])));
    const error = await expectRejectsEcloud(dial(tlsWithCert(port)), 'DRIVER_UNAVAILABLE');
    expect(error.message).toMatch(/sent 32 where libvirtd sends 1/);
  });

  it('gives up on a peer that never says whether it accepts us', async () => {
    const port = await daemon(() => {});
    const started = Date.now();
    const error = await expectRejectsEcloud(
      dial(tlsWithCert(port), { tlsConfirmTimeoutMs: 200 }),
      'DRIVER_UNAVAILABLE',
    );
    expect(error.message).toMatch(/sent nothing within 200 ms/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('refuses, for good, a daemon whose certificate our CA did not sign', async () => {
    let served = 0;
    const port = await daemon((socket) => {
      served += 1;
      socket.write(Buffer.from([1]));
    });
    const error = await expectRejectsEcloud(
      dial(tls(port, { ca: otherCa, cert: pem.cert, key: pem.key })),
      'DRIVER_UNAVAILABLE',
    );
    expect(error.retryable).toBe(false);
    expect(error.details).toMatchObject({ reason: 'tls-server-certificate' });
    expect(error.message).toMatch(/certificate does not verify/);
    expect(served).toBe(0);
  });

  it('reports a peer that drops the connection before the handshake as unreachable, retryable', async () => {
    const plain = createNetServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve));
    try {
      const port = (plain.address() as AddressInfo).port;
      const error = await expectRejectsEcloud(dial(tlsWithCert(port)), 'DRIVER_UNAVAILABLE');
      expect(error.retryable).toBe(true);
      expect(error.details.reason).not.toMatch(/^tls-/);
    } finally {
      await new Promise((resolve) => plain.close(resolve));
    }
  });

  it.each([
    { host: 'localhost', sni: 'localhost' },
    // RFC 6066 allows no IP address as a server name; the certificate's IP is still checked.
    { host: '127.0.0.1', sni: false },
  ])('sends $host as the server name only when it is a DNS name (→ $sni)', async ({ host, sni }) => {
    const names: Array<string | false | null> = [];
    const port = await daemon((socket) => {
      names.push(socket.servername);
      socket.write(Buffer.from([1]));
    });
    (await dial(tlsWithCert(port, host))).destroy();
    expect(names).toEqual([sni]);
  });
});
