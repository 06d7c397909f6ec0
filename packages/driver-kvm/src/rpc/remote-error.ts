import { EcloudError, type ErrorCode } from '@ecloud/core';
import type { XdrReader } from '../xdr/xdr-reader.js';

/** libvirt's `virNetMessageError` as the daemon sends it with an ERROR reply. @internal */
export interface LibvirtError {
  /** `virErrorNumber`: what went wrong. */
  readonly code: number;
  /** `virErrorDomain`: which part of libvirt raised it. */
  readonly domain: number;
  readonly message: string | null;
  readonly level: number;
  readonly str1: string | null;
  readonly str2: string | null;
  readonly str3: string | null;
  readonly int1: number;
  readonly int2: number;
}

function skipNamedObject(reader: XdrReader, withId: boolean): void {
  reader.string();
  reader.fixedOpaque(16);
  if (withId) reader.i32();
}

/** Decodes the body of an ERROR reply. @internal */
export function readLibvirtError(reader: XdrReader): LibvirtError {
  const code = reader.i32();
  const domain = reader.i32();
  const message = reader.optional((r) => r.string());
  const level = reader.i32();
  reader.optional((r) => skipNamedObject(r, true));
  const str1 = reader.optional((r) => r.string());
  const str2 = reader.optional((r) => r.string());
  const str3 = reader.optional((r) => r.string());
  const int1 = reader.i32();
  const int2 = reader.i32();
  reader.optional((r) => skipNamedObject(r, false));
  return { code, domain, message, level, str1, str2, str3, int1, int2 };
}

/**
 * Our code for each `virErrorNumber` a caller can act on; every other one is a `DRIVER_FAILURE`.
 * Numbers from libvirt's `virterror.h`, which never renumbers them.
 */
const CODES: ReadonlyMap<number, ErrorCode> = new Map<number, ErrorCode>([
  [3, 'UNSUPPORTED'], // NO_SUPPORT
  [5, 'DRIVER_UNAVAILABLE'], // NO_CONNECT
  [8, 'INVALID_ARGUMENT'], // INVALID_ARG
  [27, 'INVALID_ARGUMENT'], // XML_ERROR
  [28, 'ALREADY_EXISTS'], // DOM_EXIST
  [29, 'PERMISSION_DENIED'], // OPERATION_DENIED
  [35, 'INVALID_ARGUMENT'], // XML_DETAIL
  [37, 'ALREADY_EXISTS'], // NETWORK_EXIST
  [39, 'DRIVER_UNAVAILABLE'], // RPC
  [42, 'NOT_FOUND'], // NO_DOMAIN
  [43, 'NOT_FOUND'], // NO_NETWORK
  [45, 'DRIVER_UNAVAILABLE'], // AUTH_FAILED
  [49, 'NOT_FOUND'], // NO_STORAGE_POOL
  [50, 'NOT_FOUND'], // NO_STORAGE_VOL
  [55, 'ILLEGAL_STATE'], // OPERATION_INVALID
  [67, 'INVALID_ARGUMENT'], // CONFIG_UNSUPPORTED
  [68, 'TIMEOUT'], // OPERATION_TIMEOUT
  [72, 'NOT_FOUND'], // NO_DOMAIN_SNAPSHOT
  [74, 'UNSUPPORTED'], // ARGUMENT_UNSUPPORTED
  [78, 'CANCELLED'], // OPERATION_ABORTED
  [84, 'UNSUPPORTED'], // OPERATION_UNSUPPORTED
  [87, 'CONFLICT'], // RESOURCE_BUSY
  [88, 'PERMISSION_DENIED'], // ACCESS_DENIED
  [90, 'ALREADY_EXISTS'], // STORAGE_VOL_EXIST
  [92, 'INVALID_ARGUMENT'], // XML_INVALID_SCHEMA
  [94, 'DRIVER_UNAVAILABLE'], // AUTH_UNAVAILABLE
]);

/**
 * The typed error of a failed call: our code for libvirt's, libvirt's own message, and its numbers in
 * `details` (`libvirtCode`, `libvirtDomain`) for whoever needs the exact cause.
 * @internal
 */
export function libvirtFailure(error: LibvirtError, procedure: string): EcloudError {
  const code = CODES.get(error.code) ?? 'DRIVER_FAILURE';
  const text = error.message ?? `libvirt error ${error.code}`;
  return new EcloudError(code, `libvirt ${procedure}: ${text}`, {
    details: { procedure, libvirtCode: error.code, libvirtDomain: error.domain, libvirtMessage: text },
  });
}
