/**
 * `@ecloud/driver-kvm`: KVM through libvirt, speaking libvirt's remote RPC protocol directly — no
 * native binding, no compiler or libvirt headers on the control plane (see docs/ARCHITECTURE.md).
 * @packageDocumentation
 */

export { KvmComputeDriver, kvmDriver } from './driver/kvm-compute-driver.js';
export { KvmDriverOptions, KvmHostOptions } from './driver/kvm-driver-options.js';
export { LibvirtClient, LibvirtClientOptions } from './libvirt/libvirt-client.js';
export {
  type DomainInfo,
  type DomainRef,
  DomainState,
  type NodeInfo,
  type PoolInfo,
  type PoolRef,
  type TypedParamValue,
  type VolumeRef,
} from './libvirt/libvirt-types.js';
export { DomainEventType, type DomainLifecycleEvent } from './libvirt/lifecycle-event.js';
export type { CallOptions } from './rpc/rpc-connection.js';
export { LibvirtTransport, type LibvirtTransportInput } from './transport/transport-options.js';
