import { z } from 'zod';
import { LibvirtTransport } from '../transport/transport-options.js';

/** One KVM host of a driver: how to reach its libvirtd and where its disks go. @public */
export const KvmHostOptions = z.strictObject({
  /** The host's reference in the cloud: unique within the driver, stable (its name, say). */
  ref: z
    .string()
    .min(1)
    .max(128)
    .regex(/^[A-Za-z0-9_.:-]+$/),
  transport: LibvirtTransport,
  /** The hypervisor URI libvirtd opens for us: `qemu:///system` on a real host. */
  uri: z.string().min(1).default('qemu:///system'),
  /** The libvirt storage pool local disks are made in. */
  storagePool: z.string().min(1).default('default'),
  /** Shared pools (NFS, SAN) this host reaches, by the names the cloud gives them; each is a libvirt pool of that name. */
  sharedPools: z.array(z.string().min(1)).default([]),
  /**
   * The URI another host's libvirtd uses to reach this one during a peer-to-peer migration
   * (`qemu+tls://host/system`); migrations to this host are refused without it.
   */
  migrationUri: z.string().min(1).optional(),
});
/** One KVM host (the type of the {@link KvmHostOptions} schema, as callers write it). @public */
export type KvmHostOptions = z.input<typeof KvmHostOptions>;

/** Options of {@link kvmDriver}. @public */
export const KvmDriverOptions = z.strictObject({
  /** The driver's name in the cloud (`kvm-rack1`). */
  name: z.string().min(1).max(63),
  hosts: z
    .array(KvmHostOptions)
    .min(1)
    .refine((hosts) => new Set(hosts.map((h) => h.ref)).size === hosts.length, {
      message: 'host refs must be unique',
    }),
  /**
   * The libvirt domain type: `kvm` on hardware with KVM, `qemu` for TCG emulation (tests, nested
   * setups), `test` for libvirt's built-in test hypervisor.
   */
  domainType: z.enum(['kvm', 'qemu', 'test']).default('kvm'),
  /** The bridge a NIC's `network` names when no libvirt network of that name exists; NICs attach to libvirt networks by default. */
  nicSource: z.enum(['network', 'bridge']).default('network'),
  /** Disk bus and cache mode of every disk the driver makes. */
  diskBus: z.enum(['virtio', 'scsi', 'sata']).default('virtio'),
  diskCache: z.enum(['none', 'writeback', 'writethrough', 'directsync', 'unsafe']).default('none'),
  /**
   * The remote display every instance gets: VNC or SPICE on `listen` (default 127.0.0.1 — a console is
   * reached through a proxy on the host, never exposed), its port picked by libvirt; `false` for none
   * (the serial console remains).
   */
  console: z
    .union([
      z.literal(false),
      z.strictObject({
        type: z.enum(['vnc', 'spice']),
        listen: z.union([z.ipv4(), z.ipv6()]).default('127.0.0.1'),
      }),
    ])
    .default({ type: 'vnc', listen: '127.0.0.1' }),
  /** Deadline of one libvirt call, in milliseconds. */
  timeoutMs: z.number().int().positive().default(60_000),
});
/** Options of {@link kvmDriver} (as callers write them). @public */
export type KvmDriverOptions = z.input<typeof KvmDriverOptions>;
