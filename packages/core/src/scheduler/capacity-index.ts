import type { Host } from '../model/host.js';
import { failedFilter, freeResources } from './host-fit.js';
import type { PlacementRequest, Rejections } from './placement-request.js';

/** A host with less than this free is full for every request, and leaves the candidate set. */
const MIN_FREE_VCPUS = 1;
const MIN_FREE_MEMORY_MIB = 64;

/**
 * The in-memory view of host capacity that placement reads, rebuilt from the store at start and kept
 * current after every committed reservation. It is only a hint: every reservation re-checks the host in
 * the store transaction, so a stale entry costs a retry, never an over-booking.
 *
 * Placement here is first-fit over hosts in registration order. Hosts that are full leave the candidate
 * set, so a scan touches only hosts with room; the indexed fill/spread scheduler of issue #3 replaces
 * this ordering.
 * @internal
 */
export class CapacityIndex {
  readonly #hosts = new Map<string, Host>();
  readonly #open = new Set<string>();

  get size(): number {
    return this.#hosts.size;
  }

  get(hostId: string): Host | undefined {
    return this.#hosts.get(hostId);
  }

  /** Records the latest committed state of a host. */
  upsert(host: Host): void {
    const known = this.#hosts.get(host.id);
    if (known && known.version > host.version) return;
    this.#hosts.set(host.id, host);
    const free = freeResources(host);
    if (free.vcpus >= MIN_FREE_VCPUS && free.memoryMiB >= MIN_FREE_MEMORY_MIB) this.#open.add(host.id);
    else this.#open.delete(host.id);
  }

  remove(hostId: string): void {
    this.#hosts.delete(hostId);
    this.#open.delete(hostId);
  }

  /**
   * Hosts that pass every filter, first-fit order. `rejections` counts, per filter, the hosts passed over
   * on the way, so that a refusal can say why.
   */
  *candidates(request: PlacementRequest, rejections: Rejections): Generator<Host> {
    const full = this.#hosts.size - this.#open.size;
    if (full > 0) rejections.capacity = (rejections.capacity ?? 0) + full;
    for (const hostId of this.#open) {
      const host = this.#hosts.get(hostId);
      if (!host) continue;
      const failed = failedFilter(host, request);
      if (failed === undefined) yield host;
      else rejections[failed] = (rejections[failed] ?? 0) + 1;
    }
  }
}
