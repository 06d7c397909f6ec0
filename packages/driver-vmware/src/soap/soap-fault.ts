import { EcloudError, type ErrorCode } from '@ecloud/core';
import { child, type XmlNode } from './xml-node.js';

/** A SOAP fault as vSphere sends it: the `MethodFault` subtype in its detail, and its message. @internal */
export interface SoapFault {
  /** The vim25 fault type (`InvalidLogin`, `NotAuthenticated`, ...); `undefined` for a bare SOAP fault. */
  readonly type: string | undefined;
  readonly message: string;
  /** The fault's own fields, as text, for the error's details (`name` of a DuplicateName, ...). */
  readonly fields: Readonly<Record<string, string>>;
}

/** Reads a `<Fault>` element. @internal */
export function readFault(fault: XmlNode): SoapFault {
  const message = child(fault, 'faultstring')?.text.trim() || 'no message';
  const detail = child(fault, 'detail')?.children[0];
  // `<InvalidLoginFault xsi:type="InvalidLogin">`: the schema type names the fault; the element name,
  // less its `Fault` suffix, when a server leaves the type out.
  const type = detail?.xsiType ?? detail?.name.replace(/Fault$/, '');
  const fields: Record<string, string> = {};
  for (const field of detail?.children ?? [])
    if (field.children.length === 0) fields[field.name] = field.text;
  return { type, message, fields };
}

/**
 * vim25 fault types by what a caller can do about them. Types not here are `DRIVER_FAILURE`. Faults
 * about our own account (bad credentials, no privilege) are not the caller's fault: they are a driver
 * that cannot work, and retrying does not change that.
 */
const CODES: ReadonlyMap<string, { code: ErrorCode; retryable?: boolean }> = new Map([
  ['InvalidLogin', { code: 'DRIVER_UNAVAILABLE', retryable: false }],
  ['NoPermission', { code: 'DRIVER_FAILURE', retryable: false }],
  ['NotAuthenticated', { code: 'DRIVER_UNAVAILABLE' }],
  ['ManagedObjectNotFound', { code: 'NOT_FOUND' }],
  ['FileNotFound', { code: 'NOT_FOUND' }],
  ['NotFound', { code: 'NOT_FOUND' }],
  ['MethodNotFound', { code: 'UNSUPPORTED' }],
  ['InvalidDeviceSpec', { code: 'INVALID_ARGUMENT' }],
  ['InvalidState', { code: 'ILLEGAL_STATE' }],
  ['InvalidPowerState', { code: 'ILLEGAL_STATE' }],
  ['InvalidHostState', { code: 'ILLEGAL_STATE' }],
  ['VmConfigIncompatibleForFaultTolerance', { code: 'ILLEGAL_STATE' }],
  ['DuplicateName', { code: 'ALREADY_EXISTS' }],
  ['FileAlreadyExists', { code: 'ALREADY_EXISTS' }],
  ['AlreadyExists', { code: 'ALREADY_EXISTS' }],
  ['InvalidArgument', { code: 'INVALID_ARGUMENT' }],
  ['InvalidName', { code: 'INVALID_ARGUMENT' }],
  ['InvalidDatastorePath', { code: 'INVALID_ARGUMENT' }],
  ['NotSupported', { code: 'UNSUPPORTED' }],
  ['NotImplemented', { code: 'UNSUPPORTED' }],
  ['InsufficientResourcesFault', { code: 'INSUFFICIENT_CAPACITY' }],
  ['NoDiskSpace', { code: 'INSUFFICIENT_CAPACITY' }],
  ['TaskInProgress', { code: 'CONFLICT' }],
  ['ConcurrentAccess', { code: 'CONFLICT' }],
  ['RequestCanceled', { code: 'CANCELLED' }],
  ['Timedout', { code: 'TIMEOUT' }],
  ['HostNotConnected', { code: 'DRIVER_UNAVAILABLE' }],
  ['HostCommunication', { code: 'DRIVER_UNAVAILABLE' }],
]);

/** The fault as an `EcloudError`, vSphere's type and message in `details`. @internal */
export function faultError(fault: SoapFault, method: string): EcloudError {
  const mapped = (fault.type && CODES.get(fault.type)) || { code: 'DRIVER_FAILURE' as const };
  return new EcloudError(mapped.code, `vSphere ${method}: ${fault.message}`, {
    // The fault's fields first: one of them must not pass for ours (MethodNotFound has a `method`).
    details: { ...fault.fields, method, faultType: fault.type ?? 'SOAP', faultMessage: fault.message },
    ...(mapped.retryable === undefined ? {} : { retryable: mapped.retryable }),
  });
}
