import { REMOTE_PROGRAM, REMOTE_PROTOCOL_VERSION } from './protocol.js';
import type { ProcedureRef } from './rpc-connection.js';

/**
 * Every procedure of libvirt's REMOTE program this client calls, with its number from
 * `src/remote/remote_protocol.x` under libvirt's own name (`REMOTE_PROC_` left off). The one table:
 * nowhere else in the client is a procedure number written.
 * @internal
 */
const NUMBERS = {
  CONNECT_OPEN: 1,
  CONNECT_CLOSE: 2,
  CONNECT_GET_VERSION: 4,
  NODE_GET_INFO: 6,
  CONNECT_GET_CAPABILITIES: 7,
  DOMAIN_LOOKUP_BY_NAME: 23,
  NETWORK_CREATE: 39,
  NETWORK_DEFINE_XML: 41,
  NETWORK_DESTROY: 42,
  NETWORK_GET_XML_DESC: 43,
  NETWORK_GET_BRIDGE_NAME: 45,
  NETWORK_LOOKUP_BY_NAME: 46,
  NETWORK_UNDEFINE: 49,
  DOMAIN_LOOKUP_BY_UUID: 24,
  DOMAIN_REBOOT: 27,
  DOMAIN_RESUME: 28,
  DOMAIN_SUSPEND: 34,
  DOMAIN_GET_XML_DESC: 14,
  DOMAIN_GET_INFO: 16,
  CONNECT_GET_HOSTNAME: 59,
  CONNECT_SUPPORTS_FEATURE: 60,
  AUTH_LIST: 66,
  STORAGE_POOL_LOOKUP_BY_NAME: 84,
  STORAGE_POOL_GET_INFO: 87,
  STORAGE_VOL_CREATE_XML: 93,
  STORAGE_VOL_DELETE: 94,
  STORAGE_VOL_LOOKUP_BY_NAME: 95,
  STORAGE_VOL_GET_INFO: 98,
  STORAGE_VOL_GET_PATH: 100,
  NODE_GET_FREE_MEMORY: 102,
  STORAGE_VOL_CREATE_XML_FROM: 125,
  NETWORK_IS_ACTIVE: 152,
  CONNECT_GET_LIB_VERSION: 157,
  DOMAIN_ATTACH_DEVICE_FLAGS: 160,
  DOMAIN_DETACH_DEVICE_FLAGS: 161,
  DOMAIN_ABORT_JOB: 164,
  STORAGE_VOL_WIPE: 165,
  DOMAIN_SNAPSHOT_CREATE_XML: 185,
  DOMAIN_REVERT_TO_SNAPSHOT: 192,
  DOMAIN_SNAPSHOT_DELETE: 193,
  DOMAIN_CREATE_WITH_FLAGS: 196,
  STORAGE_VOL_UPLOAD: 208,
  STORAGE_VOL_DOWNLOAD: 209,
  DOMAIN_SET_VCPUS_FLAGS: 199,
  DOMAIN_SET_MEMORY_FLAGS: 204,
  DOMAIN_GET_STATE: 212,
  DOMAIN_UNDEFINE_FLAGS: 231,
  DOMAIN_DESTROY_FLAGS: 234,
  DOMAIN_SHUTDOWN_FLAGS: 258,
  CONNECT_LIST_ALL_DOMAINS: 273,
  CONNECT_LIST_ALL_NETWORKS: 283,
  DOMAIN_MIGRATE_PERFORM3_PARAMS: 305,
  CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY: 316,
  DOMAIN_EVENT_CALLBACK_LIFECYCLE: 318,
  CONNECT_GET_ALL_DOMAIN_STATS: 344,
  DOMAIN_DEFINE_XML_FLAGS: 350,
} as const;

/** A procedure of the REMOTE program by libvirt's name. @internal */
export type RemoteProcedure = keyof typeof NUMBERS;

/** The reference of a REMOTE procedure, for {@link RpcConnection.call}. @internal */
export const PROCEDURES: Readonly<Record<RemoteProcedure, ProcedureRef>> = Object.freeze(
  Object.fromEntries(
    Object.entries(NUMBERS).map(([name, proc]) => [
      name,
      Object.freeze({ program: REMOTE_PROGRAM, version: REMOTE_PROTOCOL_VERSION, proc, name }),
    ]),
  ) as Record<RemoteProcedure, ProcedureRef>,
);

/** The number of a REMOTE procedure, for matching server events. @internal */
export function procedureNumber(name: RemoteProcedure): number {
  return NUMBERS[name];
}
