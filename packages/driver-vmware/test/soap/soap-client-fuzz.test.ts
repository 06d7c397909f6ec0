import { EcloudError } from '@ecloud/core';
import * as fc from 'fast-check';
import type { Interceptable, MockAgent } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SoapClient } from '../../src/soap/soap-client.js';
import { moref } from '../../src/soap/soap-value.js';
import type { XmlNode } from '../../src/soap/xml-node.js';
import { answer, faultAnswer, mocked } from '../helpers/soap.js';

// Whatever comes back over HTTP, invoke() settles with either the method's response element or an
// EcloudError that says what happened — never a stray TypeError from a parser, never a hang. The
// client's own deadline is the hang detector: a run that hangs ends as TIMEOUT, which no property
// here allows.

const METHOD = 'CurrentTime';
const target = moref('ServiceInstance', 'ServiceInstance');
/** Non-ASCII text inside, so that byte-level cuts can fall inside a character. */
const GOOD = answer(
  METHOD,
  '<returnval xsi:type="xsd:dateTime">2024-01-01T00:00:00Z Žluťoučký kůň 😀</returnval>',
);
const FAULT = faultAnswer(
  'ManagedObjectNotFound',
  'gone — smazáno',
  '<obj type="VirtualMachine">vm-42</obj>',
);

let agent: MockAgent;
let pool: Interceptable;
let client: SoapClient;

beforeEach(() => {
  ({ agent, pool, client } = mocked({ timeoutMs: 5_000 }));
});

afterEach(async () => {
  await agent.close();
});

type Outcome = { node: XmlNode } | { error: unknown };

/** invoke() with `body` as the HTTP answer (status `status`), settled either way. */
async function outcome(status: number, body: Uint8Array | string): Promise<Outcome> {
  pool.intercept({ path: '/sdk', method: 'POST' }).reply(status, Buffer.from(body));
  try {
    return { node: await client.invoke(METHOD, target) };
  } catch (error) {
    return { error };
  }
}

/**
 * The oracle: a resolution is the method's response to a 200; a rejection is an EcloudError whose
 * code fits what the client can know — a vSphere fault (any mapped code), an HTTP status that is not
 * 200, or an answer it could not read.
 */
function expectTyped(result: Outcome, status: number): void {
  if ('node' in result) {
    expect(status).toBe(200);
    expect(result.node.name).toBe(`${METHOD}Response`);
    return;
  }
  const { error } = result;
  expect(error, `not an EcloudError: ${String(error)}`).toBeInstanceOf(EcloudError);
  const typed = error as EcloudError;
  if (typed.details.faultType !== undefined) return; // a fault, mapped by the table
  if (typed.code === 'DRIVER_UNAVAILABLE') {
    expect(typed.details.status).toBe(status);
    expect(status).not.toBe(200);
    return;
  }
  expect(typed.code).toBe('DRIVER_FAILURE');
  expect(typed.details.reason).toBe('malformed-answer');
}

const statuses = fc.constantFrom(200, 200, 200, 201, 302, 400, 401, 403, 404, 429, 500, 502, 503);

/** Pieces that make the parser and the envelope checks take their different paths. */
const XMLISH = fc.constantFrom(
  '<',
  '>',
  '</',
  '/>',
  '=',
  '"',
  "'",
  ' ',
  '\n',
  '<?xml version="1.0" encoding="UTF-8"?>',
  '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
  '</soapenv:Envelope>',
  '<soapenv:Body>',
  '</soapenv:Body>',
  '<soapenv:Fault>',
  '</soapenv:Fault>',
  '<faultstring>x</faultstring>',
  '<detail>',
  '</detail>',
  '<InvalidLoginFault xsi:type="InvalidLogin">',
  '</InvalidLoginFault>',
  `<${METHOD}Response>`,
  `</${METHOD}Response>`,
  '<returnval>',
  '</returnval>',
  '<_>',
  '</_>',
  '<__proto__>',
  '</__proto__>',
  '<constructor type="x">',
  '</constructor>',
  '<![CDATA[',
  ']]>',
  '<!--',
  '-->',
  '<!DOCTYPE x [<!ENTITY e "&#38;#60;">]>',
  '&amp;',
  '&e;',
  '&#0;',
  '&#x10FFFF;',
  '&#99999999999;',
  '&nbsp;',
  '\uFEFF',
  '\u0000',
  '\uD800',
  'Žluť',
);

describe('invoke() with whatever the server sends', () => {
  it('settles typed on random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(statuses, fc.uint8Array({ maxLength: 300 }), async (status, bytes) => {
        expectTyped(await outcome(status, bytes), status);
      }),
      { numRuns: 300 },
    );
  });

  it('settles typed on random XML-ish text', async () => {
    await fc.assert(
      fc.asyncProperty(statuses, fc.array(XMLISH, { maxLength: 40 }), async (status, pieces) => {
        expectTyped(await outcome(status, pieces.join('')), status);
      }),
      { numRuns: 500 },
    );
  });

  it('settles typed on a good answer or a fault with a few bytes changed', async () => {
    const mutated = fc
      .tuple(
        fc.constantFrom(GOOD, FAULT),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }),
      )
      .map(([text, edits]) => {
        const bytes = Buffer.from(text);
        for (const [at, value] of edits) bytes[at % bytes.length] = value;
        return bytes;
      });
    await fc.assert(
      fc.asyncProperty(statuses, mutated, async (status, bytes) => {
        expectTyped(await outcome(status, bytes), status);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses every proper prefix of a good answer as malformed, and takes the whole', async () => {
    const bytes = Buffer.from(GOOD);
    // The whole answer resolves: the cut, not the answer, is what the property refuses.
    const whole = await outcome(200, bytes);
    expect('node' in whole && whole.node.children[0]?.text).toBe('2024-01-01T00:00:00Z Žluťoučký kůň 😀');
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: bytes.length - 1 }), async (cut) => {
        const result = await outcome(200, bytes.subarray(0, cut));
        expect('error' in result && EcloudError.is(result.error, 'DRIVER_FAILURE')).toBe(true);
        expect((result as { error: EcloudError }).error.details.reason).toBe('malformed-answer');
      }),
      { numRuns: 300 },
    );
  });

  it('makes every proper prefix of a fault sent with HTTP 500 the HTTP failure it is', async () => {
    // A cut fault cannot be read as a fault, but the status still says the server failed.
    const bytes = Buffer.from(FAULT);
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: bytes.length - 1 }), async (cut) => {
        const result = await outcome(500, bytes.subarray(0, cut));
        expect('error' in result && EcloudError.is(result.error, 'DRIVER_UNAVAILABLE')).toBe(true);
        expect((result as { error: EcloudError }).error.details.status).toBe(500);
      }),
      { numRuns: 300 },
    );
    // And whole, it is the fault.
    const whole = await outcome(500, bytes);
    expect('error' in whole && EcloudError.is(whole.error, 'NOT_FOUND')).toBe(true);
  });
});
