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
 * Watches properties of one object until `settle` says it has what it waits for: a private
 * PropertyCollector (so concurrent watches never consume each other's updates), one filter, and
 * `WaitForUpdatesEx` long polls — the server says when something changed; nothing is polled. The first
 * answer holds the current values, so a condition already true settles at once. The collector is
 * destroyed at the end, however it ends.
 * @internal
 */
export async function watchObject<T>(
  session: VsphereSession,
  obj: ManagedObjectReference,
  pathSet: readonly string[],
  settle: (values: WatchedValues) => { readonly value: T } | undefined,
  options: WatchOptions,
): Promise<T> {
  const [created] = await session.call('CreatePropertyCollector', session.content.propertyCollector);
  const collector = created ? decodeValue(created) : undefined;
  if (!isReference(collector)) throw malformedAnswer('CreatePropertyCollector returned no collector');
  try {
    await session.invoke('CreateFilter', collector, {
      spec: {
        propSet: [{ type: obj.type, all: false, pathSet: [...pathSet] }],
        objectSet: [{ obj, skip: false }],
      },
      partialUpdates: false,
    });
    const values = new Map<string, XmlNode | undefined>();
    const pollSeconds = options.pollSeconds ?? 60;
    let version = '';
    for (;;) {
      const [updates] = await session.call(
        'WaitForUpdatesEx',
        collector,
        { version, options: { maxWaitSeconds: pollSeconds } },
        // The long poll may take its whole wait; the HTTP deadline allows for that.
        { signal: options.signal, timeoutMs: Math.ceil((pollSeconds + 30) * 1000) },
      );
      if (!updates) continue;
      version = child(updates, 'version')?.text ?? version;
      for (const filter of childrenNamed(updates, 'filterSet'))
        for (const object of childrenNamed(filter, 'objectSet'))
          for (const change of childrenNamed(object, 'changeSet')) {
            const name = child(change, 'name')?.text;
            if (name !== undefined) values.set(name, child(change, 'val'));
          }
      const settled = settle(values);
      if (settled) return settled.value;
    }
  } finally {
    await session.invoke('DestroyPropertyCollector', collector).catch(() => undefined);
  }
}
