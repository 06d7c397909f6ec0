import type { XdrReader } from '../xdr/xdr-reader.js';
import { type DomainRef, readDomain } from './libvirt-types.js';

/** `virDomainEventType`: what happened to a domain. @public */
export const DomainEventType = {
  DEFINED: 0,
  UNDEFINED: 1,
  STARTED: 2,
  SUSPENDED: 3,
  RESUMED: 4,
  STOPPED: 5,
  SHUTDOWN: 6,
  PMSUSPENDED: 7,
  CRASHED: 8,
} as const;

/** A domain lifecycle event the daemon sent (`VIR_DOMAIN_EVENT_ID_LIFECYCLE`). @public */
export interface DomainLifecycleEvent {
  readonly domain: DomainRef;
  /** A {@link DomainEventType} number. */
  readonly event: number;
  /** The event's detail (`virDomainEventStartedDetailType` and kin), as libvirt numbers it. */
  readonly detail: number;
}

/** `remote_domain_event_callback_lifecycle_msg`: the callback id, then the event. @internal */
export function readLifecycleMessage(reader: XdrReader): { callbackId: number; event: DomainLifecycleEvent } {
  const callbackId = reader.i32();
  const domain = readDomain(reader);
  const event = reader.i32();
  const detail = reader.i32();
  return { callbackId, event: { domain, event, detail } };
}
