import { EcloudError } from '@ecloud/core';
import type { ManagedObjectReference } from '../soap/soap-value.js';
import { child, childrenNamed, malformedAnswer, type XmlNode } from '../soap/xml-node.js';
import { decodeValue, isReference } from './vim-value.js';
import type { VsphereSession } from './vsphere-session.js';

/** The latest value of each watched property path; a path whose value went away maps to undefined. @internal */
export type WatchedValues = ReadonlyMap<string, XmlNode | undefined>;

/** How to watch an object. @public */
export interface WatchOptions {
  readonly signal: AbortSignal;
  /** Longest wait of one `WaitForUpdatesEx` long poll, in seconds (default 60). */
  readonly pollSeconds?: number;
}

/**
 * Collectors one watch may lose in a row (none of them answering in between) before it gives up: each
 * loss came with a new session, and a server whose sessions die as soon as they are made would
 * otherwise have us log in and make collectors for ever.
 */
const MAX_LOST_IN_A_ROW = 3;

/** How one collector's watch ended: settled, or the collector gone. */
type Outcome<T> =
  | { readonly value: T }
  | {
      readonly lost: EcloudError;
      /** The session was replaced since the collector was made: that is why it is gone. */
      readonly renewed: boolean;
      /** It answered at least one long poll before it went. */
      readonly answered: boolean;
    };

/**
 * Watches properties of one object until `settle` says it has what it waits for: a private
 * PropertyCollector (so concurrent watches never consume each other's updates), one filter, and
 * `WaitForUpdatesEx` long polls — the server says when something changed; nothing is polled. The first
 * answer holds the current values, so a condition already true settles at once. The collector is
 * destroyed at the end, however it ends (unless it went with its session).
 *
 * A collector belongs to the session that made it. When the session expires mid-watch, the session
 * logs in again, and the collector is gone with the old one (the server answers ManagedObjectNotFound
 * for it): the watch then makes a new collector and starts again from the current values, so no change
 * is missed. A collector gone while the session held is a typed DRIVER_FAILURE, as is a run of them.
 * @internal
 */
export async function watchObject<T>(
  session: VsphereSession,
  obj: ManagedObjectReference,
  pathSet: readonly string[],
  settle: (values: WatchedValues) => { readonly value: T } | undefined,
  options: WatchOptions,
): Promise<T> {
  for (let lostInARow = 0; ; ) {
    const outcome = await watchWithCollector(session, obj, pathSet, settle, options);
    if ('value' in outcome) return outcome.value;
    lostInARow = outcome.answered ? 1 : lostInARow + 1;
    // Without a new session, the server lost the collector for a reason another one would not mend.
    if (!outcome.renewed || lostInARow >= MAX_LOST_IN_A_ROW) throw collectorLost(obj, outcome, lostInARow);
  }
}

/** One private collector's watch, from CreatePropertyCollector to its end or its loss. */
async function watchWithCollector<T>(
  session: VsphereSession,
  obj: ManagedObjectReference,
  pathSet: readonly string[],
  settle: (values: WatchedValues) => { readonly value: T } | undefined,
  options: WatchOptions,
): Promise<Outcome<T>> {
  // Read before the collector is made: a session replaced meanwhile then counts as replaced under it
  // (at worst one collector left to the session's end), never the other way round (a lost one not made
  // again).
  const generation = session.generation;
  const collector = await createCollector(session);
  let answered = false;
  let gone = false;
  try {
    await session.invoke('CreateFilter', collector, {
      spec: {
        propSet: [{ type: obj.type, all: false, pathSet: [...pathSet] }],
        objectSet: [{ obj, skip: false }],
      },
      partialUpdates: false,
    });
    const values = new Map<string, XmlNode | undefined>();
    for (let version = ''; ; ) {
      const updates = await waitForUpdates(session, collector, version, options);
      answered = true;
      if (!updates) continue;
      version = child(updates, 'version')?.text ?? version;
      applyUpdates(values, updates);
      const settled = settle(values);
      if (settled) return settled;
    }
  } catch (error) {
    if (!isGone(error, collector)) throw error;
    gone = true;
    return { lost: error, renewed: session.generation !== generation, answered };
  } finally {
    // Nothing to destroy once the server said it is gone, or lost the session it belonged to.
    if (!gone && session.generation === generation)
      await session.invoke('DestroyPropertyCollector', collector).catch(() => undefined);
  }
}

async function createCollector(session: VsphereSession): Promise<ManagedObjectReference> {
  const [created] = await session.call('CreatePropertyCollector', session.content.propertyCollector);
  const collector = created ? decodeValue(created) : undefined;
  if (!isReference(collector)) throw malformedAnswer('CreatePropertyCollector returned no collector');
  return collector;
}

/** One long poll: the `UpdateSet`, or undefined when the wait ended with no change. */
async function waitForUpdates(
  session: VsphereSession,
  collector: ManagedObjectReference,
  version: string,
  options: WatchOptions,
): Promise<XmlNode | undefined> {
  const pollSeconds = options.pollSeconds ?? 60;
  const [updates] = await session.call(
    'WaitForUpdatesEx',
    collector,
    { version, options: { maxWaitSeconds: pollSeconds } },
    // The long poll may take its whole wait; the HTTP deadline allows for that.
    { signal: options.signal, timeoutMs: Math.ceil((pollSeconds + 30) * 1000) },
  );
  return updates;
}

function applyUpdates(values: Map<string, XmlNode | undefined>, updates: XmlNode): void {
  for (const filter of childrenNamed(updates, 'filterSet'))
    for (const object of childrenNamed(filter, 'objectSet'))
      for (const change of childrenNamed(object, 'changeSet')) {
        const name = child(change, 'name')?.text;
        if (name !== undefined) values.set(name, child(change, 'val'));
      }
}

/** The server no longer has the collector (not the watched object: CreateFilter names that one too). */
function isGone(error: unknown, collector: ManagedObjectReference): error is EcloudError {
  if (!EcloudError.is(error)) return false;
  const details = error.details as { faultType?: string; obj?: string } | undefined;
  return details?.faultType === 'ManagedObjectNotFound' && details.obj === collector.value;
}

function collectorLost(
  obj: ManagedObjectReference,
  outcome: { readonly lost: EcloudError; readonly renewed: boolean },
  lostInARow: number,
): EcloudError {
  const watching = `watching ${obj.type} ${obj.value}`;
  const message = outcome.renewed
    ? `vSphere lost ${lostInARow} PropertyCollectors in a row ${watching}, each with its session.`
    : `vSphere lost the PropertyCollector ${watching} although the session had not changed.`;
  return new EcloudError('DRIVER_FAILURE', message, {
    details: { reason: 'property-collector-lost', obj: obj.value, lostInARow, renewed: outcome.renewed },
    cause: outcome.lost,
  });
}
