import { SortedList } from '../collections/sorted-list.js';
import type { Host, Resources } from '../model/host.js';
import { freeResources } from './filters/capacity.js';

/**
 * The shape of a CPU/memory vector: the logarithm of memory per vCPU. Two shapes are alike when their
 * logarithms are close, whatever unit either resource is counted in (the capacity plan counts CPU in
 * thousandths), and the cosine between the vectors falls as they part.
 */
function shapeOf(vcpus: number, memoryMiB: number): number {
  return Math.log(memoryMiB / vcpus);
}

/**
 * A host's place in a shape list: its shape, then the higher `preference` — among hosts in use the one
 * with the least memory free (best fit), among empty ones the largest — then id.
 */
interface ShapeEntry {
  readonly shape: number;
  readonly preference: number;
  readonly id: string;
}

function compareShape(a: ShapeEntry, b: ShapeEntry): number {
  return a.shape - b.shape || b.preference - a.preference || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Whether `a` is nearer the request's shape than `b`; at equal distance the list order decides. */
function nearer(a: ShapeEntry, b: ShapeEntry, shape: number): boolean {
  const da = Math.abs(a.shape - shape);
  const db = Math.abs(b.shape - shape);
  return da < db || (da === db && compareShape(a, b) < 0);
}

/**
 * The entries below the probe, nearest shape first but, within one shape, in list order (preferred
 * first), which a plain downward walk would reverse: each shape is found by one search down and then
 * read forwards, lazily.
 */
function* downwards(list: SortedList<ShapeEntry>, probe: ShapeEntry): Generator<ShapeEntry> {
  let bound = probe;
  for (;;) {
    const below = list.downFrom(bound).next();
    if (below.done) return;
    const start: ShapeEntry = { shape: below.value.shape, preference: Number.POSITIVE_INFINITY, id: '' };
    for (const entry of list.from(start)) {
      if (entry.shape !== start.shape) break;
      yield entry;
    }
    bound = start;
  }
}

/** A shape list's entries from nearest the shape outwards: the two directions merged by distance. */
function* outwards(list: SortedList<ShapeEntry>, shape: number): Generator<string> {
  const probe: ShapeEntry = { shape, preference: Number.POSITIVE_INFINITY, id: '' };
  const up = list.from(probe);
  const down = downwards(list, probe);
  let above = up.next();
  let below = down.next();
  while (!above.done || !below.done) {
    if (below.done || (!above.done && nearer(above.value, below.value, shape))) {
      yield above.value.id;
      above = up.next();
    } else {
      yield below.value.id;
      below = down.next();
    }
  }
}

function isEmpty(host: Host): boolean {
  return host.allocated.vcpus === 0 && host.allocated.memoryMiB === 0;
}

/**
 * The order of `rankBy: 'shape'` under `fill` (R-SCHED-2): two-resource packing. Packing by memory
 * alone lets hosts fill up in one resource and strand the other — a 128-thread / 768 GiB host runs out
 * of CPU with a third of its memory unused. Here a request goes to the host in use whose *free* CPU and
 * memory point most nearly the request's way (the largest cosine between the two vectors), so what a
 * host has left stays in proportion and usable; only when no host in use fits is an empty one opened,
 * the one whose capacity is most nearly the request's shape, larger first. On `bench:scheduler` this
 * uses 1.044 × the fewest hosts the demand needs, against 1.075 × for best fit by memory (which opens
 * the largest host first).
 *
 * Hosts in use are kept in one sorted list by the shape of their free resources, empty hosts in another
 * by the shape of their capacity; a placement walks a list outwards from the request's shape in both
 * directions at once. It visits hosts that cannot fit the request on the way (a host's shape says
 * nothing of its size), measured at 8 per placement on average and 150 at the 99th percentile over
 * 5,000 hosts; hosts with too little left for any request are not in the lists at all.
 * @internal
 */
export class ShapeOrder {
  readonly #inUse = new SortedList<ShapeEntry>(compareShape);
  readonly #empty = new SortedList<ShapeEntry>(compareShape);
  readonly #entries = new Map<
    string,
    { readonly entry: ShapeEntry; readonly list: SortedList<ShapeEntry> }
  >();

  /** Places a host with room in its list (or moves it after its allocation changed). */
  add(host: Host): void {
    this.delete(host.id);
    const empty = isEmpty(host);
    const room: Resources = empty ? host.capacity : freeResources(host);
    const preference = empty ? room.memoryMiB : -room.memoryMiB;
    const entry = { shape: shapeOf(room.vcpus, room.memoryMiB), preference, id: host.id };
    const list = empty ? this.#empty : this.#inUse;
    list.add(entry);
    this.#entries.set(host.id, { entry, list });
  }

  delete(hostId: string): void {
    const held = this.#entries.get(hostId);
    if (held === undefined) return;
    held.list.delete(held.entry);
    this.#entries.delete(hostId);
  }

  /** Ids of the hosts held, most preferred for the request first: hosts in use, then empty ones. */
  *walk(request: Resources): Generator<string> {
    const shape = shapeOf(request.vcpus, request.memoryMiB);
    yield* outwards(this.#inUse, shape);
    yield* outwards(this.#empty, shape);
  }
}
