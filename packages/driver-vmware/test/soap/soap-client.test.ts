import { EcloudError } from '@ecloud/core';
import type { Interceptable, MockAgent } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { expectRejectsEcloud, expectThrowsEcloud } from '../../../../test-support/ecloud-errors.js';
import { SoapClient } from '../../src/soap/soap-client.js';
import { moref } from '../../src/soap/soap-value.js';
import { parseXml } from '../../src/soap/xml-node.js';
import {
  answer,
  envelope,
  faultAnswer,
  headerRecord,
  mocked,
  type SeenRequest,
  URL_SDK,
} from '../helpers/soap.js';

// SoapClient over undici's MockAgent: the exact request vSphere gets, the session cookie, and how
// every kind of answer — good, fault, HTTP error page, garbage, too big, none at all — comes back
// as either the response element or a typed EcloudError.

const serviceInstance = moref('ServiceInstance', 'ServiceInstance');
const sessionManager = moref('SessionManager', 'SessionManager');
const SDK = { path: '/sdk', method: 'POST' } as const;

let agent: MockAgent;
let pool: Interceptable;
let client: SoapClient;

function setUp(options: Parameters<typeof mocked>[0] = {}) {
  ({ agent, pool, client } = mocked(options));
}

afterEach(async () => {
  await agent?.close();
});

/** Replies once with `status` and `body`, recording what the server saw into `seen`. */
function replyOnce(
  seen: SeenRequest[],
  status: number,
  body: string,
  headers: Record<string, string | string[]> = {},
): void {
  pool.intercept(SDK).reply((request) => {
    seen.push({
      method: request.method,
      path: request.path,
      headers: headerRecord(request.headers),
      body: String(request.body),
    });
    return { statusCode: status, data: body, responseOptions: { headers } };
  });
}

describe('SoapClient options', () => {
  it.each([
    ['a non-HTTP URL', { url: 'ftp://vc.example/sdk' }],
    ['no URL at all', { url: 'not a url' }],
    ['a thumbprint that is no fingerprint', { url: URL_SDK, tls: { thumbprint: 'AB:CD' } }],
    ['an API version that is not dotted numbers', { url: URL_SDK, apiVersion: 'latest' }],
    ['a zero timeout', { url: URL_SDK, timeoutMs: 0 }],
    // Beyond 2^31-1 ms Node fires a timer after 1 ms: every call would time out at once.
    ['a timeout no timer can hold', { url: URL_SDK, timeoutMs: 2 ** 31 }],
    ['an unknown option', { url: URL_SDK, retries: 3 }],
  ])('refuses %s with INVALID_ARGUMENT', (_label, options) => {
    expectThrowsEcloud(() => new SoapClient(options as never), 'INVALID_ARGUMENT');
  });

  it('accepts the longest timeout a timer can hold', async () => {
    setUp({ timeoutMs: 2 ** 31 - 1 });
    pool.intercept(SDK).reply(200, answer('CurrentTime', '<returnval>2024-01-01T00:00:00Z</returnval>'));
    expect((await client.invoke('CurrentTime', serviceInstance)).name).toBe('CurrentTimeResponse');
  });
});

describe('the request', () => {
  it('is a POST of the envelope to the URL with the SOAP headers and no cookie yet', async () => {
    setUp();
    const seen: SeenRequest[] = [];
    replyOnce(seen, 200, answer('RetrieveServiceContent'));
    await client.invoke('RetrieveServiceContent', serviceInstance);
    expect(seen).toHaveLength(1);
    const [request] = seen as [SeenRequest];
    expect(request.method).toBe('POST');
    expect(request.path).toBe('/sdk');
    expect(request.headers['content-type']).toBe('text/xml; charset=utf-8');
    expect(request.headers.soapaction).toBe('urn:vim25/6.5');
    expect(request.headers.cookie).toBeUndefined();
    expect(request.body).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" ' +
        'xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
        '<soapenv:Body><RetrieveServiceContent xmlns="urn:vim25"><_this type="ServiceInstance">ServiceInstance</_this>' +
        '</RetrieveServiceContent></soapenv:Body></soapenv:Envelope>',
    );
  });

  it('writes the arguments after _this in the order given, escaped, undefined ones left out', async () => {
    setUp();
    const seen: SeenRequest[] = [];
    replyOnce(seen, 200, answer('Login'));
    await client.invoke('Login', sessionManager, {
      userName: 'admin@vsphere.local',
      password: 'p<&>w',
      locale: undefined,
    });
    const method = (await parseXml(seen[0]?.body ?? '')).children[0]?.children[0];
    expect(method?.name).toBe('Login');
    expect(method?.attrs).toEqual({});
    expect(method?.children.map((c) => [c.name, c.text, c.attrs.type])).toEqual([
      ['_this', 'SessionManager', 'SessionManager'],
      ['userName', 'admin@vsphere.local', undefined],
      ['password', 'p<&>w', undefined],
    ]);
    expect(seen[0]?.body).toContain('<password>p&lt;&amp;&gt;w</password>');
  });

  it('sends the configured API version as the SOAPAction', async () => {
    setUp({ apiVersion: '8.0.3' });
    const seen: SeenRequest[] = [];
    replyOnce(seen, 200, answer('CurrentTime'));
    await client.invoke('CurrentTime', serviceInstance);
    expect(seen[0]?.headers.soapaction).toBe('urn:vim25/8.0.3');
  });

  it('writes a plain { type, value } target as a reference, as its type promises', async () => {
    // ManagedObjectReference is structural: an object parsed from an answer satisfies it without
    // having gone through moref(), and must not be written as `<_this><type>…`.
    setUp();
    const seen: SeenRequest[] = [];
    replyOnce(seen, 200, answer('Destroy_Task'));
    await client.invoke('Destroy_Task', { type: 'VirtualMachine', value: 'vm-42' });
    expect(seen[0]?.body).toContain(
      '<Destroy_Task xmlns="urn:vim25"><_this type="VirtualMachine">vm-42</_this></Destroy_Task>',
    );
  });

  it('refuses an argument XML cannot carry before sending anything', async () => {
    setUp();
    pool.intercept(SDK).reply(200, answer('Login'));
    await expectRejectsEcloud(
      client.invoke('Login', sessionManager, { userName: 'a\u0000b' }),
      'INVALID_ARGUMENT',
    );
    expect(agent.pendingInterceptors()).toHaveLength(1);
  });

  it.each([-1, 0, 1.5, Number.NaN, 2 ** 31])(
    'refuses the per-call timeout %s with INVALID_ARGUMENT, not a RangeError, before sending',
    async (timeoutMs) => {
      setUp();
      pool.intercept(SDK).reply(200, answer('CurrentTime'));
      await expectRejectsEcloud(
        client.invoke('CurrentTime', serviceInstance, {}, { timeoutMs }),
        'INVALID_ARGUMENT',
      );
      expect(agent.pendingInterceptors()).toHaveLength(1);
    },
  );
});

describe('the session cookie', () => {
  // As vCenter sends it: quoted, with attributes, possibly among other cookies.
  const setCookie = (id: string) => `vmware_soap_session="${id}"; Path=/; HttpOnly; Secure;`;

  it('is taken from Set-Cookie and sent back on the next call', async () => {
    setUp();
    const seen: SeenRequest[] = [];
    replyOnce(seen, 200, answer('Login'), { 'set-cookie': ['vmware_other=1; Path=/', setCookie('52a9')] });
    replyOnce(seen, 200, answer('CurrentTime'));
    await client.invoke('Login', sessionManager, { userName: 'u', password: 'p' });
    expect(client.sessionCookie).toBe('"52a9"');
    await client.invoke('CurrentTime', serviceInstance);
    expect(seen[1]?.headers.cookie).toBe('vmware_soap_session="52a9"');
  });

  it('is kept across answers without Set-Cookie and replaced by a new one', async () => {
    setUp();
    const seen: SeenRequest[] = [];
    replyOnce(seen, 200, answer('Login'), { 'set-cookie': setCookie('first') });
    replyOnce(seen, 200, answer('CurrentTime'));
    replyOnce(seen, 200, answer('Login'), { 'set-cookie': setCookie('second') });
    replyOnce(seen, 200, answer('CurrentTime'));
    await client.invoke('Login', sessionManager);
    await client.invoke('CurrentTime', serviceInstance);
    await client.invoke('Login', sessionManager);
    await client.invoke('CurrentTime', serviceInstance);
    expect(seen.map((r) => r.headers.cookie)).toEqual([
      undefined,
      'vmware_soap_session="first"',
      'vmware_soap_session="first"',
      'vmware_soap_session="second"',
    ]);
  });

  it('is not confused with a cookie whose name merely ends the same', async () => {
    setUp();
    replyOnce([], 200, answer('Login'), { 'set-cookie': 'not_vmware_soap_session=evil; Path=/' });
    await client.invoke('Login', sessionManager);
    expect(client.sessionCookie).toBeUndefined();
  });

  it('is forgotten by clearSession, and then no longer sent', async () => {
    setUp();
    const seen: SeenRequest[] = [];
    replyOnce(seen, 200, answer('Login'), { 'set-cookie': setCookie('52a9') });
    replyOnce(seen, 200, answer('CurrentTime'));
    await client.invoke('Login', sessionManager);
    client.clearSession();
    expect(client.sessionCookie).toBeUndefined();
    await client.invoke('CurrentTime', serviceInstance);
    expect(seen[1]?.headers.cookie).toBeUndefined();
  });
});

describe('a good answer', () => {
  it('resolves with the method response element and its returnval children', async () => {
    setUp();
    pool
      .intercept(SDK)
      .reply(
        200,
        answer(
          'RetrieveServiceContent',
          '<returnval><rootFolder type="Folder">group-d1</rootFolder><about><apiVersion>8.0.3.0</apiVersion></about></returnval>',
        ),
      );
    const node = await client.invoke('RetrieveServiceContent', serviceInstance);
    expect(node.name).toBe('RetrieveServiceContentResponse');
    const returnval = node.children[0];
    expect(returnval?.name).toBe('returnval');
    expect(returnval?.children.map((c) => c.name)).toEqual(['rootFolder', 'about']);
    expect(returnval?.children[0]?.attrs.type).toBe('Folder');
    expect(returnval?.children[0]?.text).toBe('group-d1');
  });

  it('does not close a dispatcher it was given', async () => {
    setUp();
    await client.close();
    pool.intercept(SDK).reply(200, answer('CurrentTime'));
    // The MockAgent still serves: the caller owns it.
    expect((await client.invoke('CurrentTime', serviceInstance)).name).toBe('CurrentTimeResponse');
  });
});

describe('a SOAP fault', () => {
  it.each([
    ['InvalidLogin', 'Login', 'DRIVER_UNAVAILABLE', false],
    ['NotAuthenticated', 'CurrentTime', 'DRIVER_UNAVAILABLE', true],
    ['ManagedObjectNotFound', 'PowerOnVM_Task', 'NOT_FOUND', false],
    ['DuplicateName', 'CreateVM_Task', 'ALREADY_EXISTS', false],
    ['InvalidPowerState', 'PowerOffVM_Task', 'ILLEGAL_STATE', false],
    ['SomeFaultFromTheFuture', 'CurrentTime', 'DRIVER_FAILURE', true],
  ] as const)('%s with HTTP 500 (from %s) is %s, retryable %s', async (type, method, code, retryable) => {
    setUp();
    pool.intercept(SDK).reply(500, faultAnswer(type, `vCenter says ${type}`));
    const error = await expectRejectsEcloud(client.invoke(method, serviceInstance), code);
    expect(error.retryable).toBe(retryable);
    expect(error.details).toMatchObject({ method, faultType: type, faultMessage: `vCenter says ${type}` });
  });

  it("carries the fault's fields: the missing object, the duplicate name", async () => {
    setUp();
    pool
      .intercept(SDK)
      .reply(500, faultAnswer('ManagedObjectNotFound', 'gone', '<obj type="VirtualMachine">vm-42</obj>'));
    pool
      .intercept(SDK)
      .reply(
        500,
        faultAnswer(
          'DuplicateName',
          'taken',
          '<name>web-1</name><object type="VirtualMachine">vm-7</object>',
        ),
      );
    const notFound = await expectRejectsEcloud(
      client.invoke('PowerOnVM_Task', moref('VirtualMachine', 'vm-42')),
      'NOT_FOUND',
    );
    expect(notFound.details.obj).toBe('vm-42');
    const duplicate = await expectRejectsEcloud(
      client.invoke('CreateVM_Task', moref('Folder', 'group-v3')),
      'ALREADY_EXISTS',
    );
    expect(duplicate.details).toMatchObject({ name: 'web-1', object: 'vm-7' });
  });

  it('is the fault even when a server sends it with HTTP 200', async () => {
    setUp();
    pool.intercept(SDK).reply(200, faultAnswer('InvalidLogin', 'no'));
    await expectRejectsEcloud(client.invoke('Login', sessionManager), 'DRIVER_UNAVAILABLE');
  });

  it('without a vim25 detail is a DRIVER_FAILURE of type SOAP', async () => {
    setUp();
    pool
      .intercept(SDK)
      .reply(
        500,
        envelope(
          '<soapenv:Fault><faultcode>ClientFaultCode</faultcode><faultstring>Unable to parse</faultstring></soapenv:Fault>',
        ),
      );
    const error = await expectRejectsEcloud(client.invoke('CurrentTime', serviceInstance), 'DRIVER_FAILURE');
    expect(error.details.faultType).toBe('SOAP');
    expect(error.details.faultMessage).toBe('Unable to parse');
  });
});

describe('an HTTP error without a SOAP answer', () => {
  const NGINX_503 =
    '<html>\r\n<head><title>503 Service Temporarily Unavailable</title></head>\r\n<body>\r\n' +
    '<center><h1>503 Service Temporarily Unavailable</h1></center>\r\n<hr><center>envoy</center>\r\n</body>\r\n</html>\r\n';

  it.each([
    // HTML from the reverse proxy in front of vpxd: not well-formed XML (`<hr>`), yet a 503.
    ['an HTML page (not well-formed XML)', 503, NGINX_503],
    ['a well-formed XHTML page', 502, '<html><body><p>Bad gateway</p></body></html>'],
    ['a text body', 503, 'Service Unavailable'],
    ['an empty body', 504, ''],
    ['a rate limit', 429, 'slow down'],
    ['a refusal by a proxy', 403, '<html><body><hr></body></html>'],
    ['a SOAP envelope that holds no fault', 500, answer('CurrentTime')],
  ])('%s (HTTP %i) is a retryable DRIVER_UNAVAILABLE with the status', async (_label, status, body) => {
    setUp();
    pool.intercept(SDK).reply(status, body, { headers: { 'content-type': 'text/html' } });
    const error = await expectRejectsEcloud(
      client.invoke('CurrentTime', serviceInstance),
      'DRIVER_UNAVAILABLE',
    );
    expect(error.retryable).toBe(true);
    expect(error.details).toEqual({ method: 'CurrentTime', status, where: 'vc.example' });
  });

  it('through a 503 storm, fails each call typed without retrying itself, then recovers', async () => {
    setUp();
    let served = 0;
    pool
      .intercept(SDK)
      .reply(() => {
        served += 1;
        return { statusCode: 503, data: NGINX_503 };
      })
      .times(5);
    pool.intercept(SDK).reply(() => {
      served += 1;
      return { statusCode: 200, data: answer('CurrentTime', '<returnval>2024-01-01T00:00:00Z</returnval>') };
    });
    for (let call = 1; call <= 5; call += 1) {
      const error = await expectRejectsEcloud(
        client.invoke('CurrentTime', serviceInstance),
        'DRIVER_UNAVAILABLE',
      );
      expect(error.details.status).toBe(503);
      // One request per call: retrying is the caller's decision (it knows the operation's idempotence).
      expect(served).toBe(call);
    }
    const node = await client.invoke('CurrentTime', serviceInstance);
    expect(node.children[0]?.text).toBe('2024-01-01T00:00:00Z');
    expect(served).toBe(6);
  });
});

describe('an answer that cannot be read', () => {
  const good = answer('CurrentTime', '<returnval>2024-01-01T00:00:00Z</returnval>');

  it.each([
    ['malformed XML', '<soapenv:Envelope><soapenv:Body><a></b></soapenv:Body></soapenv:Envelope>'],
    ['truncated XML', good.slice(0, good.length - 10)],
    ['a non-SOAP XML document', '<CurrentTimeResponse><returnval>x</returnval></CurrentTimeResponse>'],
    [
      'an envelope without a body',
      '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"/>',
    ],
    ['an empty SOAP body', envelope('')],
    ['an empty body', ''],
    ['a body that is not XML', '{"value":"2024-01-01T00:00:00Z"}'],
    ['a response element for the wrong method', answer('RetrieveServiceContent')],
    ['a response element for a method of which ours is a prefix', answer('CurrentTimeX')],
  ])('%s with HTTP 200 is a DRIVER_FAILURE malformed-answer', async (_label, body) => {
    setUp();
    pool.intercept(SDK).reply(200, body);
    const error = await expectRejectsEcloud(client.invoke('CurrentTime', serviceInstance), 'DRIVER_FAILURE');
    expect(error.details.reason).toBe('malformed-answer');
  });

  it('says which element answered what, when it is the wrong method', async () => {
    setUp();
    pool.intercept(SDK).reply(200, answer('Logout'));
    const error = await expectRejectsEcloud(client.invoke('CurrentTime', serviceInstance), 'DRIVER_FAILURE');
    expect(error.details.why).toBe('<LogoutResponse> does not answer CurrentTime');
  });
});

describe('an answer larger than maxAnswerBytes', () => {
  /** An answer of exactly `bytes` bytes in UTF-8, padded with `fill` inside the returnval. */
  function answerOf(bytes: number, fill: string): string {
    const empty = answer('CurrentTime', '<returnval></returnval>');
    const room = bytes - Buffer.byteLength(empty);
    const unit = Buffer.byteLength(fill);
    if (room < 0 || room % unit !== 0) throw new Error('cannot pad to that size');
    return answer('CurrentTime', `<returnval>${fill.repeat(room / unit)}</returnval>`);
  }

  it('is refused as answer-too-large, one byte over', async () => {
    setUp({ maxAnswerBytes: 4096 });
    pool.intercept(SDK).reply(200, answerOf(4097, 'x'));
    const error = await expectRejectsEcloud(client.invoke('CurrentTime', serviceInstance), 'DRIVER_FAILURE');
    expect(error.details).toEqual({
      method: 'CurrentTime',
      maxAnswerBytes: 4096,
      reason: 'answer-too-large',
    });
  });

  it('is accepted at exactly the limit', async () => {
    setUp({ maxAnswerBytes: 4096 });
    pool.intercept(SDK).reply(200, answerOf(4096, 'x'));
    expect((await client.invoke('CurrentTime', serviceInstance)).name).toBe('CurrentTimeResponse');
  });

  it('counts bytes, not characters', async () => {
    // 'é' is two bytes: fewer characters than the limit, more bytes.
    setUp({ maxAnswerBytes: 4096 });
    const body = answerOf(4096 + 2, 'é'.repeat(1));
    expect(body.length).toBeLessThan(4096);
    pool.intercept(SDK).reply(200, body);
    const error = await expectRejectsEcloud(client.invoke('CurrentTime', serviceInstance), 'DRIVER_FAILURE');
    expect(error.details.reason).toBe('answer-too-large');
  });

  it('is refused even when it is a fault or an error page', async () => {
    // The size is checked while reading, before the status or content is looked at.
    setUp({ maxAnswerBytes: 1024 });
    pool.intercept(SDK).reply(503, 'x'.repeat(2048));
    const error = await expectRejectsEcloud(client.invoke('CurrentTime', serviceInstance), 'DRIVER_FAILURE');
    expect(error.details.reason).toBe('answer-too-large');
  });
});

describe('no answer, a cancellation, a broken connection', () => {
  it('is a TIMEOUT when the server never answers within the client timeout', async () => {
    setUp({ timeoutMs: 50 });
    pool.intercept(SDK).reply(200, answer('CurrentTime')).delay(600_000);
    const error = await expectRejectsEcloud(client.invoke('CurrentTime', serviceInstance), 'TIMEOUT');
    expect(error.retryable).toBe(true);
    expect(error.details).toEqual({ method: 'CurrentTime', timeoutMs: 50 });
  });

  it('is a TIMEOUT after the per-call timeout, which overrides the client one', async () => {
    setUp({ timeoutMs: 600_000 });
    pool.intercept(SDK).reply(200, answer('CurrentTime')).delay(600_000);
    const error = await expectRejectsEcloud(
      client.invoke('CurrentTime', serviceInstance, {}, { timeoutMs: 30 }),
      'TIMEOUT',
    );
    expect(error.details.timeoutMs).toBe(30);
  });

  it('is CANCELLED when the signal aborts while the server is working on it', async () => {
    setUp({ timeoutMs: 600_000 });
    const controller = new AbortController();
    pool
      .intercept(SDK)
      .reply(() => {
        // The request has reached the server: now the caller gives up.
        controller.abort();
        return { statusCode: 200, data: answer('CurrentTime') };
      })
      .delay(600_000);
    const error = await expectRejectsEcloud(
      client.invoke('CurrentTime', serviceInstance, {}, { signal: controller.signal }),
      'CANCELLED',
    );
    expect(error.retryable).toBe(false);
    expect(error.details.method).toBe('CurrentTime');
  });

  it('is CANCELLED when the signal was aborted before the call', async () => {
    setUp();
    pool.intercept(SDK).reply(200, answer('CurrentTime'));
    const error = await expectRejectsEcloud(
      client.invoke('CurrentTime', serviceInstance, {}, { signal: AbortSignal.abort() }),
      'CANCELLED',
    );
    expect(error.details.method).toBe('CurrentTime');
  });

  it('is a retryable DRIVER_UNAVAILABLE when the connection fails, the cause kept', async () => {
    setUp();
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    pool.intercept(SDK).replyWithError(reset);
    const error = await expectRejectsEcloud(
      client.invoke('CurrentTime', serviceInstance),
      'DRIVER_UNAVAILABLE',
    );
    expect(error.retryable).toBe(true);
    expect(error.details).toEqual({ method: 'CurrentTime', where: 'vc.example', errorCode: 'ECONNRESET' });
    expect(error.message).toContain('socket hang up');
    expect(error.cause).toBe(reset);
  });

  it('is the non-retryable certificate refusal when the connection fails on a certificate', async () => {
    setUp();
    pool
      .intercept(SDK)
      .replyWithError(Object.assign(new Error('certificate has expired'), { code: 'CERT_HAS_EXPIRED' }));
    const error = await expectRejectsEcloud(
      client.invoke('CurrentTime', serviceInstance),
      'DRIVER_UNAVAILABLE',
    );
    expect(error.retryable).toBe(false);
    expect(error.details).toMatchObject({ reason: 'tls-server-certificate', where: 'vc.example' });
  });

  it('passes an EcloudError from the connection through as it is', async () => {
    // The pinning connector fails a connection with its own typed refusal.
    setUp();
    const refusal = new EcloudError('DRIVER_UNAVAILABLE', 'pinned', {
      retryable: false,
      details: { reason: 'x' },
    });
    pool.intercept(SDK).replyWithError(refusal);
    expect(
      await expectRejectsEcloud(client.invoke('CurrentTime', serviceInstance), 'DRIVER_UNAVAILABLE'),
    ).toBe(refusal);
  });

  it('works again after a failure: no state is left behind', async () => {
    setUp();
    pool.intercept(SDK).replyWithError(new Error('boom'));
    pool.intercept(SDK).reply(200, answer('CurrentTime'));
    await expectRejectsEcloud(client.invoke('CurrentTime', serviceInstance), 'DRIVER_UNAVAILABLE');
    expect((await client.invoke('CurrentTime', serviceInstance)).name).toBe('CurrentTimeResponse');
  });
});
