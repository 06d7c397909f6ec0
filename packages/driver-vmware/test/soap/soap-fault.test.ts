import { ERROR_CODES, type ErrorCode } from '@ecloud/core';
import { describe, expect, it } from 'vitest';
import { faultError, readFault, type SoapFault } from '../../src/soap/soap-fault.js';
import { parseXml, type XmlNode } from '../../src/soap/xml-node.js';

// A vSphere fault must reach the caller as an ECloud code they can act on (retry, report "not found",
// give up), with vSphere's own type and message kept in details for whoever reads the log.

const XSI = 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';

/** The `<Fault>` element of `xml` (a fault on its own, prefixed as vSphere prefixes it). */
async function fault(inner: string): Promise<XmlNode> {
  return parseXml(
    `<soapenv:Fault xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" ${XSI}>${inner}</soapenv:Fault>`,
  );
}

describe('readFault', () => {
  it('reads a vCenter InvalidLogin fault: type from xsi:type, message from faultstring', async () => {
    const read = readFault(
      await fault(
        '<faultcode>ServerFaultCode</faultcode>' +
          '<faultstring>Cannot complete login due to an incorrect user name or password.</faultstring>' +
          '<detail><InvalidLoginFault xmlns="urn:vim25" xsi:type="InvalidLogin"></InvalidLoginFault></detail>',
      ),
    );
    expect(read).toEqual({
      type: 'InvalidLogin',
      message: 'Cannot complete login due to an incorrect user name or password.',
      fields: {},
    });
  });

  it('prefers xsi:type to the element name', async () => {
    // A subtype is sent in its parent's element: the element name would name the wrong fault.
    const read = readFault(
      await fault(
        '<faultstring>x</faultstring><detail><InvalidStateFault xsi:type="InvalidPowerState"/></detail>',
      ),
    );
    expect(read.type).toBe('InvalidPowerState');
  });

  it('falls back on the element name less its Fault suffix when xsi:type is missing', async () => {
    const read = readFault(
      await fault('<faultstring>x</faultstring><detail><NotAuthenticatedFault xmlns="urn:vim25"/></detail>'),
    );
    expect(read.type).toBe('NotAuthenticated');
    // Only the trailing suffix goes: a type that itself ends in Fault keeps it.
    const resources = readFault(
      await fault('<faultstring>x</faultstring><detail><InsufficientResourcesFaultFault/></detail>'),
    );
    expect(resources.type).toBe('InsufficientResourcesFault');
  });

  it('reads a bare SOAP fault (no detail) as having no type', async () => {
    const read = readFault(
      await fault('<faultcode>ClientFaultCode</faultcode><faultstring>Unable to parse</faultstring>'),
    );
    expect(read).toEqual({ type: undefined, message: 'Unable to parse', fields: {} });
  });

  it('trims the message, and says so when there is none', async () => {
    expect(readFault(await fault('<faultstring>\n  spaced out  \n</faultstring>')).message).toBe(
      'spaced out',
    );
    expect(readFault(await fault('<faultcode>x</faultcode>')).message).toBe('no message');
    expect(readFault(await fault('<faultstring>   </faultstring>')).message).toBe('no message');
  });

  it("keeps the fault's simple fields as text and leaves structured ones out", async () => {
    const read = readFault(
      await fault(
        '<faultstring>The object has already been deleted or has not been completely created</faultstring>' +
          '<detail><ManagedObjectNotFoundFault xmlns="urn:vim25" xsi:type="ManagedObjectNotFound">' +
          '<obj type="VirtualMachine">vm-42</obj>' +
          '<faultMessage><key>k</key><message>m</message></faultMessage>' +
          '</ManagedObjectNotFoundFault></detail>',
      ),
    );
    expect(read.type).toBe('ManagedObjectNotFound');
    expect(read.fields).toEqual({ obj: 'vm-42' });
  });
});

/** Every row of soap-fault.ts's table, restated: changing a mapping must be a decision made here too. */
const TABLE: ReadonlyArray<[string, ErrorCode, boolean]> = [
  // Our own account: nothing a retry changes.
  ['InvalidLogin', 'DRIVER_UNAVAILABLE', false],
  ['NoPermission', 'DRIVER_FAILURE', false],
  // An expired session: the session layer logs in again, so retryable.
  ['NotAuthenticated', 'DRIVER_UNAVAILABLE', true],
  ['ManagedObjectNotFound', 'NOT_FOUND', false],
  ['InvalidState', 'ILLEGAL_STATE', false],
  ['InvalidPowerState', 'ILLEGAL_STATE', false],
  ['InvalidHostState', 'ILLEGAL_STATE', false],
  ['VmConfigIncompatibleForFaultTolerance', 'ILLEGAL_STATE', false],
  ['DuplicateName', 'ALREADY_EXISTS', false],
  ['FileAlreadyExists', 'ALREADY_EXISTS', false],
  ['AlreadyExists', 'ALREADY_EXISTS', false],
  ['InvalidArgument', 'INVALID_ARGUMENT', false],
  ['InvalidName', 'INVALID_ARGUMENT', false],
  ['InvalidDatastorePath', 'INVALID_ARGUMENT', false],
  ['NotSupported', 'UNSUPPORTED', false],
  ['NotImplemented', 'UNSUPPORTED', false],
  ['InsufficientResourcesFault', 'INSUFFICIENT_CAPACITY', true],
  ['NoDiskSpace', 'INSUFFICIENT_CAPACITY', true],
  ['TaskInProgress', 'CONFLICT', true],
  ['ConcurrentAccess', 'CONFLICT', true],
  ['RequestCanceled', 'CANCELLED', false],
  ['Timedout', 'TIMEOUT', true],
  ['HostNotConnected', 'DRIVER_UNAVAILABLE', true],
  ['HostCommunication', 'DRIVER_UNAVAILABLE', true],
];

const faultOf = (type: string | undefined, fields: Record<string, string> = {}): SoapFault => ({
  type,
  message: `it went wrong (${type})`,
  fields,
});

describe('faultError', () => {
  it.each(TABLE)('maps %s to %s (retryable: %s)', (type, code, retryable) => {
    const error = faultError(faultOf(type), 'PowerOnVM_Task');
    expect(error.code).toBe(code);
    expect(error.retryable).toBe(retryable);
  });

  it('overrides the code default only where the table says so', () => {
    // InvalidLogin and NoPermission would be retryable by their codes' defaults: a retry loop on bad
    // credentials would lock the account.
    expect(ERROR_CODES.DRIVER_UNAVAILABLE.retryable).toBe(true);
    expect(faultError(faultOf('InvalidLogin'), 'Login').retryable).toBe(false);
    expect(ERROR_CODES.DRIVER_FAILURE.retryable).toBe(true);
    expect(faultError(faultOf('NoPermission'), 'Destroy_Task').retryable).toBe(false);
  });

  it.each([
    'SomethingNewInVsphere9',
    'GenericVmConfigFault',
    // Names of Object.prototype members must not find anything in the table.
    'constructor',
    'toString',
    '__proto__',
    // The table is exact: a near miss is not its neighbour.
    'invalidlogin',
    'InvalidLoginX',
  ])('maps the unmapped type %j to DRIVER_FAILURE', (type) => {
    const error = faultError(faultOf(type), 'M');
    expect(error.code).toBe('DRIVER_FAILURE');
    expect(error.retryable).toBe(true);
    expect(error.details.faultType).toBe(type);
  });

  it('maps a bare SOAP fault to DRIVER_FAILURE with faultType SOAP', () => {
    const error = faultError(faultOf(undefined), 'RetrieveProperties');
    expect(error.code).toBe('DRIVER_FAILURE');
    expect(error.details.faultType).toBe('SOAP');
  });

  it("puts the method, vSphere's type and message, and the fault's fields in details", () => {
    const error = faultError(
      {
        type: 'DuplicateName',
        message: 'The name web-1 already exists.',
        fields: { name: 'web-1', object: 'vm-7' },
      },
      'CreateVM_Task',
    );
    expect(error.message).toBe('vSphere CreateVM_Task: The name web-1 already exists.');
    expect(error.details).toEqual({
      method: 'CreateVM_Task',
      faultType: 'DuplicateName',
      faultMessage: 'The name web-1 already exists.',
      name: 'web-1',
      object: 'vm-7',
    });
  });

  it('does not let a fault field pass for the method, type or message it reports', () => {
    // MethodNotFound has a `method` field of its own; a server could send any of these names.
    const error = faultError(
      {
        type: 'MethodNotFound',
        message: 'real',
        fields: { method: 'Other', faultType: 'X', faultMessage: 'fake' },
      },
      'CreateVM_Task',
    );
    expect(error.details.method).toBe('CreateVM_Task');
    expect(error.details.faultType).toBe('MethodNotFound');
    expect(error.details.faultMessage).toBe('real');
  });
});
