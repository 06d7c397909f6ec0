import { type Interceptable, MockAgent } from 'undici';
import { SoapClient, type SoapClientOptions } from '../../src/soap/soap-client.js';

/** The endpoint every mocked client talks to; nothing listens there (net connect is disabled). */
export const ORIGIN = 'https://vc.example';
export const URL_SDK = `${ORIGIN}/sdk`;

const SOAPENV = 'http://schemas.xmlsoap.org/soap/envelope/';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

/** A SOAP envelope around `body`, declared as vSphere declares it. */
export function envelope(body: string): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<soapenv:Envelope xmlns:soapenv="${SOAPENV}" ` +
    `xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="${XSI}"><soapenv:Body>${body}</soapenv:Body></soapenv:Envelope>`
  );
}

/** A method's answer: `<MethodResponse xmlns="urn:vim25">inner</MethodResponse>` in an envelope. */
export function answer(method: string, inner = ''): string {
  return envelope(`<${method}Response xmlns="urn:vim25">${inner}</${method}Response>`);
}

/** A vim25 fault as vCenter sends it (with HTTP 500): `<TypeFault xsi:type="Type">fields</TypeFault>`. */
export function faultAnswer(type: string, message: string, fields = ''): string {
  return envelope(
    `<soapenv:Fault><faultcode>ServerFaultCode</faultcode><faultstring>${message}</faultstring>` +
      `<detail><${type}Fault xmlns="urn:vim25" xsi:type="${type}">${fields}</${type}Fault></detail></soapenv:Fault>`,
  );
}

/** A MockAgent that refuses real connections, its pool for {@link ORIGIN}, and a client over it. */
export function mocked(options: Partial<SoapClientOptions> = {}): {
  agent: MockAgent;
  pool: Interceptable;
  client: SoapClient;
} {
  const agent = new MockAgent();
  agent.disableNetConnect();
  const pool = agent.get(ORIGIN);
  const client = new SoapClient({ url: URL_SDK, ...options }, agent);
  return { agent, pool, client };
}

/** What the mocked server saw of one request. */
export interface SeenRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body: string;
}

/** Headers as MockAgent hands them to a reply callback, as one lower-cased record. */
export function headerRecord(headers: unknown): Record<string, string> {
  const record: Record<string, string> = {};
  if (Array.isArray(headers)) {
    for (let i = 0; i + 1 < headers.length; i += 2)
      record[String(headers[i]).toLowerCase()] = String(headers[i + 1]);
  } else if (headers && typeof headers === 'object') {
    for (const [key, value] of Object.entries(headers)) record[key.toLowerCase()] = String(value);
  }
  return record;
}
