import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectRejectsEcloud } from '../../../../test-support/ecloud-errors.js';
import { SoapClient, type SoapClientOptions } from '../../src/soap/soap-client.js';
import { moref } from '../../src/soap/soap-value.js';
import { untrustedCertificate } from '../../src/soap/tls-connector.js';
import { answer } from '../helpers/soap.js';

// The connector against a real TLS server (Node's https on 127.0.0.1) with certificates made for the
// run by openssl: a CA and what it signed, a CA that signed nothing here, and a self-signed
// certificate like a fresh vCenter's. The client builds its own Agent (no dispatcher passed), so
// this is the path production takes. Refusals must be typed, non-retryable, and must happen before
// any request reaches the server.

interface Pem {
  readonly cert: string;
  readonly key: string;
}

let dir: string;
let ca: Pem;
let otherCa: Pem;
/** Signed by `ca` for 127.0.0.1 and localhost. */
let serverCert: Pem;
/** Signed by `ca`, but for another name only. */
let wrongNameCert: Pem;
/** Self-signed, for a name that is not the address we connect to (as vCenter's often is). */
let selfSigned: Pem;

function openssl(args: string[]): void {
  execFileSync('openssl', args, { stdio: 'ignore' });
}

const EC_KEY = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

function selfSignedCert(name: string, subject: string, extensions: string[]): Pem {
  const [cert, key] = [join(dir, `${name}.pem`), join(dir, `${name}.key`)];
  openssl([
    ...['req', '-x509', ...EC_KEY, '-days', '2', '-subj', subject, '-keyout', key, '-out', cert],
    ...extensions.flatMap((extension) => ['-addext', extension]),
  ]);
  return { cert: readFileSync(cert, 'utf8'), key: readFileSync(key, 'utf8') };
}

function signedBy(issuer: string, name: string, subjectAltName: string): Pem {
  const [cert, key, csr, ext] = ['pem', 'key', 'csr', 'ext'].map((suffix) =>
    join(dir, `${name}.${suffix}`),
  ) as [string, string, string, string];
  openssl(['req', ...EC_KEY, '-subj', `/CN=${name}`, '-keyout', key, '-out', csr]);
  writeFileSync(
    ext,
    `subjectAltName=${subjectAltName}\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature\nextendedKeyUsage=serverAuth\n`,
  );
  openssl([
    ...['x509', '-req', '-in', csr, '-CA', join(dir, `${issuer}.pem`), '-CAkey', join(dir, `${issuer}.key`)],
    ...['-CAcreateserial', '-days', '2', '-extfile', ext, '-out', cert],
  ]);
  return { cert: readFileSync(cert, 'utf8'), key: readFileSync(key, 'utf8') };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ecloud-vmware-tls-'));
  const caExtensions = ['basicConstraints=critical,CA:TRUE', 'keyUsage=critical,keyCertSign,cRLSign'];
  ca = selfSignedCert('ca', '/CN=ECloud Test CA', caExtensions);
  otherCa = selfSignedCert('other-ca', '/CN=Some Other CA', caExtensions);
  serverCert = signedBy('ca', 'server', 'IP:127.0.0.1,DNS:localhost');
  wrongNameCert = signedBy('ca', 'wrong-name', 'DNS:elsewhere.example');
  selfSigned = selfSignedCert('self-signed', '/CN=vcenter.local', ['subjectAltName=DNS:vcenter.local']);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

let server: Server | undefined;
let client: SoapClient | undefined;
/** Requests that reached the server's HTTP layer, i.e. got through the handshake. */
let requests = 0;

afterEach(async () => {
  await client?.close();
  client = undefined;
  if (server) {
    const closing = server;
    closing.closeAllConnections();
    await new Promise((resolve) => closing.close(resolve));
  }
  server = undefined;
});

/** An https server on 127.0.0.1 showing `pem`, answering every POST as RetrieveServiceContent. */
async function vcenter(pem: Pem): Promise<string> {
  requests = 0;
  const started = createServer(pem, (request, response) => {
    requests += 1;
    request.resume();
    request.on('end', () => {
      response.writeHead(200, { 'content-type': 'text/xml; charset=utf-8' });
      response.end(
        answer(
          'RetrieveServiceContent',
          '<returnval><rootFolder type="Folder">group-d1</rootFolder></returnval>',
        ),
      );
    });
  });
  // A client refusing the handshake resets the connection: not the server's failure.
  started.on('tlsClientError', () => {});
  server = started;
  await new Promise<void>((resolve) => started.listen(0, '127.0.0.1', resolve));
  return `https://127.0.0.1:${(started.address() as AddressInfo).port}/sdk`;
}

function connect(url: string, tls: SoapClientOptions['tls']): SoapClient {
  client = new SoapClient({ url, tls, timeoutMs: 15_000 });
  return client;
}

const serviceInstance = moref('ServiceInstance', 'ServiceInstance');

/** Asserts a call is refused for the server's certificate, and that no request got through. */
async function expectUntrusted(call: Promise<unknown>) {
  const error = await expectRejectsEcloud(call, 'DRIVER_UNAVAILABLE');
  expect(error.details.reason).toBe('tls-server-certificate');
  // The same certificate would be met again: a retry loop must not hammer a misconfigured vCenter.
  expect(error.retryable).toBe(false);
  expect(requests).toBe(0);
  return error;
}

describe('tlsConnector through SoapClient, verifying against a CA', () => {
  it('connects when the certificate chains to the CA and names the address', async () => {
    const url = await vcenter(serverCert);
    const node = await connect(url, { ca: ca.cert }).invoke('RetrieveServiceContent', serviceInstance);
    expect(node.name).toBe('RetrieveServiceContentResponse');
    expect(node.children[0]?.children[0]?.text).toBe('group-d1');
    expect(requests).toBe(1);
  });

  it('refuses a certificate that does not chain to the CA given', async () => {
    const url = await vcenter(serverCert);
    const error = await expectUntrusted(
      connect(url, { ca: otherCa.cert }).invoke('RetrieveServiceContent', serviceInstance),
    );
    expect(error.details.where).toBe(new URL(url).host);
  });

  it('refuses a certificate from the right CA for another name (the name check stays on)', async () => {
    const url = await vcenter(wrongNameCert);
    await expectUntrusted(connect(url, { ca: ca.cert }).invoke('RetrieveServiceContent', serviceInstance));
  });

  it("refuses a self-signed certificate with neither CA nor pin (the system's CAs do not know it)", async () => {
    const url = await vcenter(selfSigned);
    await expectUntrusted(connect(url, {}).invoke('RetrieveServiceContent', serviceInstance));
  });
});

describe('tlsConnector through SoapClient, pinning a thumbprint', () => {
  const sha256 = (pem: Pem) => new X509Certificate(pem.cert).fingerprint256;
  const sha1 = (pem: Pem) => new X509Certificate(pem.cert).fingerprint;

  it('accepts a self-signed certificate whose SHA-256 fingerprint is pinned, whatever name it bears', async () => {
    const url = await vcenter(selfSigned);
    const node = await connect(url, { thumbprint: sha256(selfSigned) }).invoke(
      'RetrieveServiceContent',
      serviceInstance,
    );
    expect(node.name).toBe('RetrieveServiceContentResponse');
    expect(requests).toBe(1);
  });

  it('accepts the pin in lower case without colons, and a legacy SHA-1 pin', async () => {
    // vCenter's UI shows colon-separated upper case; scripts often strip both.
    const url = await vcenter(selfSigned);
    const bare = sha256(selfSigned).replaceAll(':', '').toLowerCase();
    await connect(url, { thumbprint: bare }).invoke('RetrieveServiceContent', serviceInstance);
    await client?.close();
    await connect(url, { thumbprint: sha1(selfSigned) }).invoke('RetrieveServiceContent', serviceInstance);
    expect(requests).toBe(2);
  });

  it('refuses a self-signed certificate whose fingerprint is not the pinned one', async () => {
    const url = await vcenter(selfSigned);
    const error = await expectUntrusted(
      connect(url, { thumbprint: sha256(otherCa) }).invoke('RetrieveServiceContent', serviceInstance),
    );
    // What was seen is in the error, so that an operator can compare it with the vCenter's.
    expect(error.details.why).toContain(sha256(selfSigned));
  });

  it('refuses a wrong SHA-1 pin the same way', async () => {
    const url = await vcenter(selfSigned);
    await expectUntrusted(
      connect(url, { thumbprint: sha1(ca) }).invoke('RetrieveServiceContent', serviceInstance),
    );
  });

  it("pins the server's own certificate: the CA's fingerprint does not stand for what it signed", async () => {
    const url = await vcenter(serverCert);
    await expectUntrusted(
      connect(url, { thumbprint: sha256(ca) }).invoke('RetrieveServiceContent', serviceInstance),
    );
  });

  it('lets a matching pin stand in for the chain check, a CA given alongside notwithstanding', async () => {
    // Documented: the pin replaces the chain check, so a stale CA next to a right pin still connects.
    const url = await vcenter(selfSigned);
    await connect(url, { ca: otherCa.cert, thumbprint: sha256(selfSigned) }).invoke(
      'RetrieveServiceContent',
      serviceInstance,
    );
    expect(requests).toBe(1);
  });
});

describe('SoapClient with its own pool', () => {
  it('makes a refused connection a retryable DRIVER_UNAVAILABLE with the system error code', async () => {
    // A port that was just free: nothing listens there.
    const probe = createNetServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    const error = await expectRejectsEcloud(
      connect(`https://127.0.0.1:${port}/sdk`, { ca: ca.cert }).invoke(
        'RetrieveServiceContent',
        serviceInstance,
      ),
      'DRIVER_UNAVAILABLE',
    );
    expect(error.retryable).toBe(true);
    expect(error.details.errorCode).toBe('ECONNREFUSED');
    expect(error.details.reason).toBeUndefined();
  });
});

describe('untrustedCertificate', () => {
  it('is a non-retryable DRIVER_UNAVAILABLE naming where and why', () => {
    const error = untrustedCertificate('vc.example:443', 'it expired');
    expect(error.code).toBe('DRIVER_UNAVAILABLE');
    expect(error.retryable).toBe(false);
    expect(error.details).toEqual({
      where: 'vc.example:443',
      reason: 'tls-server-certificate',
      why: 'it expired',
    });
  });
});
