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

/** A request as our SoapClient writes it: the method, the object it is called on, its text arguments. */
export interface SoapCall {
  readonly method: string;
  readonly target: { readonly type: string; readonly value: string };
  /** The text of the first argument element `name` anywhere in the call (`userName`, `version`). */
  arg(name: string): string | undefined;
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescapeXml = (text: string) =>
  text.replace(/&(amp|lt|gt|quot|apos);/g, (_, e) => XML_ENTITIES[e] ?? '');

/** Reads a request body written by SoapClient (its fixed layout is tested in soap-client.test.ts). */
export function readCall(body: string): SoapCall {
  const head = /<soapenv:Body><(\w+) xmlns="urn:vim25"><_this type="([^"]+)">([^<]*)<\/_this>/.exec(body);
  if (!head) throw new Error(`not a vim25 call: ${body.slice(0, 200)}`);
  return {
    method: head[1] as string,
    target: { type: unescapeXml(head[2] as string), value: unescapeXml(head[3] as string) },
    arg(name) {
      const match = new RegExp(`<${name}(?: [^>]*)?>([^<]*)</${name}>`).exec(body);
      return match ? unescapeXml(match[1] as string) : undefined;
    },
  };
}

/** `RetrieveServiceContent`'s answer as a vCenter 6.5 sends it (the managers this driver reads, and some). */
export function serviceContentAnswer(): string {
  const ref = (name: string, type: string, value: string) => `<${name} type="${type}">${value}</${name}>`;
  return answer(
    'RetrieveServiceContent',
    '<returnval>' +
      ref('rootFolder', 'Folder', 'group-d1') +
      ref('propertyCollector', 'PropertyCollector', 'propertyCollector') +
      ref('viewManager', 'ViewManager', 'ViewManager') +
      '<about><name>VMware vCenter Server</name><fullName>VMware vCenter Server 6.5.0 build-7070488</fullName>' +
      '<vendor>VMware, Inc.</vendor><version>6.5.0</version><build>7070488</build>' +
      '<localeVersion>INTL</localeVersion><localeBuild>000</localeBuild><osType>linux-x64</osType>' +
      '<productLineId>vpx</productLineId><apiType>VirtualCenter</apiType><apiVersion>6.5</apiVersion>' +
      '<instanceUuid>4f4ed8a2-6b8e-4c1e-9d8b-1f8d3b0c2a77</instanceUuid>' +
      '<licenseProductName>VMware VirtualCenter Server</licenseProductName>' +
      '<licenseProductVersion>6.0</licenseProductVersion></about>' +
      ref('setting', 'OptionManager', 'VpxSettings') +
      ref('userDirectory', 'UserDirectory', 'UserDirectory') +
      ref('sessionManager', 'SessionManager', 'SessionManager') +
      ref('authorizationManager', 'AuthorizationManager', 'AuthorizationManager') +
      ref('perfManager', 'PerformanceManager', 'PerfMgr') +
      ref('taskManager', 'TaskManager', 'TaskManager') +
      ref('searchIndex', 'SearchIndex', 'SearchIndex') +
      ref('fileManager', 'FileManager', 'FileManager') +
      ref('virtualDiskManager', 'VirtualDiskManager', 'virtualDiskManager') +
      '</returnval>',
  );
}

/** `Login`'s answer: the `UserSession` vCenter returns (the cookie comes in a `set-cookie` header). */
export function loginAnswer(userName: string, key: string): string {
  return answer(
    'Login',
    `<returnval><key>${key}</key><userName>${userName}</userName><fullName>${userName}</fullName>` +
      '<loginTime>2024-05-14T09:12:44.361Z</loginTime><lastActiveTime>2024-05-14T09:12:44.361Z</lastActiveTime>' +
      '<locale>en</locale><messageLocale>en</messageLocale><extensionSession>false</extensionSession>' +
      '<ipAddress>10.20.0.15</ipAddress><userAgent>undici</userAgent><callCount>0</callCount></returnval>',
  );
}

/** A reply of a scripted server: a promised body is sent when it settles (a long poll), or never once aborted. */
export interface ScriptedReply {
  readonly status?: number;
  readonly body: string | Promise<string>;
}

/**
 * Answers every POST to /sdk, in whatever order they come, through `handle` — a fake vSphere keeping
 * state of its own — until the agent closes.
 */
export function answerEvery(
  pool: Interceptable,
  handle: (call: SoapCall, body: string) => ScriptedReply,
): void {
  pool
    .intercept({ path: '/sdk', method: 'POST' })
    .reply((request) => {
      const text = String(request.body);
      const reply = handle(readCall(text), text);
      const body = reply.body;
      // MockAgent awaits a body given as a function returning a promise; an abort drops it unsent.
      return { statusCode: reply.status ?? 200, data: typeof body === 'string' ? body : () => body };
    })
    .persist();
}
