import { setTimeout as sleep } from 'node:timers/promises';
import { type DriverEvent, type DriverHostState, type DriverPowerState, parseInput } from '@ecloud/core';
import { z } from 'zod';
import type { ManagedObjectReference } from '../soap/soap-value.js';
import { child, childrenNamed, malformedAnswer, requireChild, type XmlNode } from '../soap/xml-node.js';
import { decodeValue, isReference, type VimValue } from '../vim/vim-value.js';
import type { VsphereSession } from '../vim/vsphere-session.js';
import { hostState } from './host-description.js';
import { powerOf } from './vsphere-endpoint.js';

const VM_PATHS = ['runtime.powerState'];
const HOST_PATHS = ['runtime.connectionState', 'runtime.inMaintenanceMode', 'runtime.powerState'];
/** Deadline of the best-effort cleanup calls: a dead server must not hold `stop()` or the restart long. */
const CLEANUP_MS = 5000;

/** Tuning of a {@link VsphereEventWatcher}; the defaults suit a vCenter. @public */
export const VsphereEventWatcherOptions = z.strictObject({
  /** Longest wait of one `WaitForUpdatesEx` long poll, in seconds. */
  pollSeconds: z.number().int().min(1).max(3600).default(60),
  /** Most object updates in one answer: a burst (a host failing with 1,000 VMs) comes in pages. */
  maxObjectUpdates: z.number().int().min(1).default(1000),
  /** The wait before the first restart after a failure; it doubles with each failure in a row. */
  firstBackoffMs: z.number().int().min(1).default(1000),
  /** The longest wait between restarts. */
  maxBackoffMs: z.number().int().min(1).default(30_000),
});
/** Tuning of a {@link VsphereEventWatcher} (as callers write it), and where its failures are told. @public */
export type VsphereEventWatcherOptions = z.input<typeof VsphereEventWatcherOptions> & {
  /** Hears every failure the watcher recovers from (and every listener that threw), for logging. */
  readonly onError?: (error: unknown) => void;
  /**
   * Hears that a watch has read its snapshot (at start, and after each restart) and reports changes
   * from now on; with the number of VMs and hosts it knows. A change made before that is part of the
   * snapshot: on a first watch, it is not reported.
   */
  readonly onSynced?: (objects: number) => void;
};

/** What the watcher knows of one VM or host. */
interface Tracked {
  readonly type: string;
  /** The watched properties as last reported; a property the server reports unset is absent. */
  readonly props: Map<string, VimValue>;
  /** What they mean to the core: the state last reported to the listener (or recorded silently). */
  state: DriverHostState | DriverPowerState;
}

/** Known objects by managed object id (`vm-123`, `host-45`; unique across types in one vCenter). */
type Known = Map<string, Tracked>;

/**
 * The change stream of a datacenter: VM power states and host states as the core's `DriverEvent`s,
 * pushed by vCenter (a private PropertyCollector, one container view over every VM and host, one
 * filter, `WaitForUpdatesEx` long polls — nothing is polled per object).
 *
 * The stream never ends on its own: any failure (session expired and logged in again — the collector
 * and view die with their session —, collector gone, network down) is reported to `onError` and the
 * watch is made anew after a backoff (doubling from `firstBackoffMs` to `maxBackoffMs`, back to the
 * first once a watch is established). Each new watch reads a full snapshot and compares it with the
 * last known states: a change made while we were not watching is reported once, an unchanged object
 * not at all.
 *
 * Memory is bounded by the datacenter: one entry per VM and host (its id, its three watched values at
 * most and its state, a few hundred bytes), so 50,000 VMs hold some 10–20 MB; while a new snapshot is
 * read, the old one is kept to compare with, so at most twice that. Nothing else grows.
 * @public
 */
export class VsphereEventWatcher {
  readonly #connect: () => Promise<VsphereSession>;
  readonly #container: () => Promise<ManagedObjectReference>;
  readonly #listener: (event: DriverEvent) => void;
  readonly #onError: ((error: unknown) => void) | undefined;
  readonly #onSynced: ((objects: number) => void) | undefined;
  readonly #options: z.output<typeof VsphereEventWatcherOptions>;
  /**
   * The last known state of every object, kept across restarts (and across `stop()`/`start()`): it
   * is what a fresh snapshot is compared with.
   */
  #known: Known = new Map();
  #abort: AbortController | undefined;
  #loop: Promise<void> | undefined;

  /**
   * @param connect - the driver's session (it logs in again on its own when the session expires).
   * @param container - what to watch, recursively: a datacenter (or any folder or compute resource), or
   *   how to find it — found again at each watch, so a failure to find it is retried like any other.
   * @param emit - hears each event; one that throws is reported to `onError` and the stream goes on.
   */
  constructor(
    connect: () => Promise<VsphereSession>,
    container: ManagedObjectReference | (() => Promise<ManagedObjectReference>),
    emit: (event: DriverEvent) => void,
    options: VsphereEventWatcherOptions = {},
  ) {
    const { onError, onSynced, ...tuning } = options;
    this.#connect = connect;
    this.#container = typeof container === 'function' ? container : async () => container;
    this.#listener = emit;
    this.#onError = onError;
    this.#onSynced = onSynced;
    this.#options = parseInput(VsphereEventWatcherOptions, tuning, 'vSphere event watcher options');
  }

  /** Starts watching in the background; a watcher already running is left as it is. */
  start(): void {
    if (this.#loop) return;
    const abort = new AbortController();
    this.#abort = abort;
    this.#loop = this.#run(abort.signal);
  }

  /**
   * Ends the long poll, destroys the collector and the view (best effort: a server that does not
   * answer is given a few seconds), and resolves when the watch has ended. Never rejects. A start()
   * made before it resolves begins a new watch (an unsubscribe and a subscribe in quick succession
   * leave a watcher running).
   */
  async stop(): Promise<void> {
    const loop = this.#loop;
    this.#abort?.abort();
    this.#loop = undefined;
    this.#abort = undefined;
    await loop;
  }

  /** Watches, and after each failure waits and watches again, until stopped. */
  async #run(signal: AbortSignal): Promise<void> {
    const backoff = new Backoff(this.#options.firstBackoffMs, this.#options.maxBackoffMs);
    while (!signal.aborted) {
      try {
        await this.#watch(signal, backoff);
      } catch (error) {
        if (signal.aborted) return;
        this.#report(error);
      }
      await sleep(backoff.next(), undefined, { signal }).catch(() => undefined);
    }
  }

  /** One watch: collector, view and filter, followed until something fails; cleaned up however it ends. */
  async #watch(signal: AbortSignal, backoff: Backoff): Promise<void> {
    const session = await this.#connect();
    signal.throwIfAborted();
    const collector = await createdReference(
      session.call('CreatePropertyCollector', session.content.propertyCollector, {}, { signal }),
      'CreatePropertyCollector',
    );
    try {
      const view = await this.#createView(session, signal);
      try {
        await session.invoke('CreateFilter', collector, filterSpec(view), { signal });
        await this.#follow(session, collector, signal, backoff);
      } finally {
        await session.invoke('DestroyView', view, {}, { timeoutMs: CLEANUP_MS }).catch(() => undefined);
      }
    } finally {
      // Destroying the collector destroys its filter and ends its pending long poll on the server.
      await session
        .invoke('DestroyPropertyCollector', collector, {}, { timeoutMs: CLEANUP_MS })
        .catch(() => undefined);
    }
  }

  async #createView(session: VsphereSession, signal: AbortSignal): Promise<ManagedObjectReference> {
    const container = await this.#container();
    return createdReference(
      session.call(
        'CreateContainerView',
        session.content.viewManager,
        { container, type: ['VirtualMachine', 'HostSystem'], recursive: true },
        { signal },
      ),
      'CreateContainerView',
    );
  }

  /**
   * The long polls. Until an answer that is not `truncated`, the answers are the snapshot (version
   * '' and its pages): recorded, compared with the last known states at its end. After it, each
   * answer's changes are reported as they come; a `truncated` one is followed at once by the next
   * call with its version, as any answer is. A watch that read its snapshot worked: the backoff starts
   * over.
   */
  async #follow(
    session: VsphereSession,
    collector: ManagedObjectReference,
    signal: AbortSignal,
    backoff: Backoff,
  ): Promise<never> {
    let snapshot: Known | undefined = new Map();
    for (let version = ''; ; ) {
      const updates = await this.#poll(session, collector, version, signal);
      // An answer that came as stop() was called is not reported: the watch is over.
      signal.throwIfAborted();
      if (!updates) continue; // The wait ended with no change.
      version = child(updates, 'version')?.text ?? version;
      if (!snapshot) {
        applyUpdates(updates, this.#known, (event) => this.#emit(event));
        continue;
      }
      applyUpdates(updates, snapshot);
      if (child(updates, 'truncated')?.text === 'true') continue;
      this.#adopt(snapshot);
      snapshot = undefined;
      backoff.reset();
      this.#tell(() => this.#onSynced?.(this.#known.size));
    }
  }

  /** One long poll: the `UpdateSet`, or undefined when the wait ended with no change. */
  async #poll(
    session: VsphereSession,
    collector: ManagedObjectReference,
    version: string,
    signal: AbortSignal,
  ): Promise<XmlNode | undefined> {
    const { pollSeconds, maxObjectUpdates } = this.#options;
    const [updates] = await session.call(
      'WaitForUpdatesEx',
      collector,
      { version, options: { maxWaitSeconds: pollSeconds, maxObjectUpdates } },
      // The long poll may take its whole wait; the HTTP deadline allows for that.
      { signal, timeoutMs: (pollSeconds + 30) * 1000 },
    );
    return updates;
  }

  /**
   * A complete snapshot replaces the known states; each object whose state differs from what we knew
   * is reported. The first snapshot knows nothing to differ from, so it reports nothing; objects that
   * appeared meanwhile are recorded silently as an `enter` is; objects gone are forgotten.
   */
  #adopt(snapshot: Known): void {
    const before = this.#known;
    this.#known = snapshot;
    for (const [ref, now] of snapshot) {
      const then = before.get(ref);
      if (then && then.state !== now.state) this.#emit(eventOf(ref, now));
    }
  }

  #emit(event: DriverEvent): void {
    this.#tell(() => this.#listener(event));
  }

  /** Calls a listener; one that throws is a failure to report, not one to stop for. */
  #tell(call: () => void): void {
    try {
      call();
    } catch (error) {
      this.#report(error);
    }
  }

  #report(error: unknown): void {
    try {
      this.#onError?.(error);
    } catch {
      // A logger that throws has nowhere left to report to; the watch goes on.
    }
  }
}

/**
 * Restart delays: `first`, doubled after each failure up to `max`, back to `first` once a watch
 * works — a vCenter down for an hour is asked twice a minute, not hammered.
 * @internal
 */
export class Backoff {
  readonly #first: number;
  readonly #max: number;
  #next: number;

  constructor(first: number, max: number) {
    this.#first = first;
    this.#max = Math.max(first, max);
    this.#next = first;
  }

  /** The delay to wait now; the one after it is twice as long, at most the maximum. */
  next(): number {
    const delay = this.#next;
    this.#next = Math.min(this.#max, Math.max(1, delay * 2));
    return delay;
  }

  /** The next delay is the first again. */
  reset(): void {
    this.#next = this.#first;
  }
}

/** The reference a `Create…` call answered with. */
async function createdReference(call: Promise<XmlNode[]>, method: string): Promise<ManagedObjectReference> {
  const [answer] = await call;
  const created = answer ? decodeValue(answer) : undefined;
  if (!isReference(created)) throw malformedAnswer(`${method} returned no reference`);
  return created;
}

/** The filter: every VM and host the view holds, with the properties their states are made of. */
function filterSpec(view: ManagedObjectReference) {
  return {
    spec: {
      propSet: [
        { type: 'VirtualMachine', all: false, pathSet: VM_PATHS },
        { type: 'HostSystem', all: false, pathSet: HOST_PATHS },
      ],
      objectSet: [
        {
          obj: view,
          skip: true,
          selectSet: [
            { $type: 'TraversalSpec', name: 'view', type: 'ContainerView', path: 'view', skip: false },
          ],
        },
      ],
    },
    partialUpdates: false,
  };
}

/**
 * Applies an `UpdateSet` to `known`, telling `report` (when given) of each change as it is applied —
 * so that an answer that turns out unreadable halfway loses no event already recorded as known.
 *
 * `enter` (a VM created, registered or moved into the datacenter, a host added) records the object
 * and reports nothing: the stream reports changes of what was known, and a new object has no earlier
 * state — whoever made it (the core's own create, mostly) knows its state already, and the core reads
 * new objects through its inventory. Its later changes are reported. `leave` forgets the object.
 */
function applyUpdates(updates: XmlNode, known: Known, report?: (event: DriverEvent) => void): void {
  for (const filter of childrenNamed(updates, 'filterSet'))
    for (const update of childrenNamed(filter, 'objectSet')) {
      const event = applyObjectUpdate(update, known);
      if (event) report?.(event);
    }
}

/** One `ObjectUpdate`; the event when it changed the mapped state of an object already known. */
function applyObjectUpdate(update: XmlNode, known: Known): DriverEvent | undefined {
  const obj = decodeValue(requireChild(update, 'obj'));
  if (!isReference(obj)) throw malformedAnswer('ObjectUpdate.obj is not a managed object reference');
  const kind = child(update, 'kind')?.text;
  if (kind === 'leave') {
    known.delete(obj.value);
    return undefined;
  }
  const before = known.get(obj.value);
  const props = new Map(before?.props);
  for (const change of childrenNamed(update, 'changeSet')) {
    const name = requireChild(change, 'name').text;
    const val = child(change, 'val');
    if (val) props.set(name, decodeValue(val));
    else props.delete(name);
  }
  const state = stateOf(obj, props);
  if (state === undefined) return undefined;
  known.set(obj.value, { type: obj.type, props, state });
  if (kind !== 'modify' || !before || before.state === state) return undefined;
  return eventOf(obj.value, { type: obj.type, props, state });
}

/** What an object's watched properties mean to the core; undefined for a type we do not watch. */
function stateOf(
  obj: ManagedObjectReference,
  props: ReadonlyMap<string, VimValue>,
): DriverHostState | DriverPowerState | undefined {
  if (obj.type === 'HostSystem') return hostState({ obj, props, missing: new Map() });
  if (obj.type === 'VirtualMachine') return powerOf(props.get('runtime.powerState'));
  return undefined;
}

function eventOf(ref: string, tracked: Tracked): DriverEvent {
  return tracked.type === 'HostSystem'
    ? { type: 'host.state', hostRef: ref, state: tracked.state as DriverHostState }
    : { type: 'instance.power', instanceRef: ref, power: tracked.state as DriverPowerState };
}
