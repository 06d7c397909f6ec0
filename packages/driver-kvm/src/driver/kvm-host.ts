import type { CpuTopology, DriverHostState } from '@ecloud/core';
import type { z } from 'zod';
import { LibvirtClient } from '../libvirt/libvirt-client.js';
import type { NodeInfo, PoolRef } from '../libvirt/libvirt-types.js';
import type { KvmHostOptions } from './kvm-driver-options.js';

type HostOptions = z.output<typeof KvmHostOptions>;

/** What was last learned of a host, so a host that stops answering can still be reported as such. @internal */
export interface HostFacts {
  readonly name: string;
  readonly cpu: CpuTopology;
  readonly memoryMiB: number;
  readonly storageGiB: number;
}

/**
 * One libvirtd: its client (dialled on first use and again after a loss), its pools by name, and the
 * facts last read from it.
 * @internal
 */
export class KvmHost {
  readonly options: HostOptions;
  readonly #timeoutMs: number;
  #client: Promise<LibvirtClient> | undefined;
  readonly #pools = new Map<string, PoolRef>();
  facts: HostFacts | undefined;
  state: DriverHostState = 'disconnected';
  /** CPU time of every domain at the last usage sample, to turn the next into a rate. */
  lastCpuSample: { readonly at: number; readonly cpuTimeNs: bigint } | undefined;

  constructor(options: HostOptions, timeoutMs: number) {
    this.options = options;
    this.#timeoutMs = timeoutMs;
  }

  get ref(): string {
    return this.options.ref;
  }

  /** The client, connecting once; a failed first connect is tried again on the next use. */
  client(): Promise<LibvirtClient> {
    this.#client ??= LibvirtClient.connect({
      transport: this.options.transport,
      uri: this.options.uri,
      timeoutMs: this.#timeoutMs,
    }).catch((error: unknown) => {
      this.#client = undefined;
      this.state = 'disconnected';
      throw error;
    });
    return this.#client;
  }

  async pool(name: string, signal?: AbortSignal): Promise<PoolRef> {
    const known = this.#pools.get(name);
    if (known) return known;
    const pool = await (await this.client()).lookupPool(name, signal ? { signal } : {});
    this.#pools.set(name, pool);
    return pool;
  }

  /** The pools our disks may be in on this host: its local one and the shared ones it reaches. */
  get poolNames(): readonly string[] {
    return [this.options.storagePool, ...this.options.sharedPools];
  }

  learn(info: NodeInfo, storageGiB: number, hostname: string): HostFacts {
    this.facts = {
      name: hostname,
      cpu: {
        sockets: info.sockets * info.nodes,
        coresPerSocket: info.cores,
        threadsPerCore: info.threads,
        mhz: info.mhz,
      },
      memoryMiB: Math.floor(info.memoryKiB / 1024),
      storageGiB,
    };
    this.state = 'up';
    return this.facts;
  }

  async close(): Promise<void> {
    const client = this.#client;
    this.#client = undefined;
    if (client) await (await client.catch(() => undefined))?.close();
  }
}
