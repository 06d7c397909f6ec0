import type { SoapCallOptions } from '../soap/soap-client.js';
import type { ManagedObjectReference, SoapObject } from '../soap/soap-value.js';
import { child, childrenNamed, malformedAnswer, requireChild, type XmlNode } from '../soap/xml-node.js';
import { decodeValue, isReference, type VimValue } from './vim-value.js';
import type { VsphereSession } from './vsphere-session.js';

/** One object's properties as the PropertyCollector returns them. @public */
export interface ObjectContent {
  readonly obj: ManagedObjectReference;
  /** By property path (`name`, `runtime.powerState`); a property the object lacks is absent. */
  readonly props: ReadonlyMap<string, VimValue>;
  /** Paths the server could not read for this object (`missingSet`), with the fault type. */
  readonly missing: ReadonlyMap<string, string>;
}

/** Which properties to read of which type. @public */
export interface PropertySelection {
  readonly type: string;
  readonly pathSet: readonly string[];
}

/** Objects to start from, and how to walk from them (`ObjectSpec`). @internal */
export type ObjectSpec = SoapObject;

const DEFAULT_PAGE = 1000;

/**
 * Reads properties with `RetrievePropertiesEx`, following `ContinueRetrievePropertiesEx` tokens page
 * by page (at most `pageSize` objects each), so memory holds one page at a time. A consumer that stops
 * early cancels the rest on the server.
 * @internal
 */
export async function* retrievePages(
  session: VsphereSession,
  objectSet: readonly ObjectSpec[],
  propSet: readonly PropertySelection[],
  options: SoapCallOptions & { readonly pageSize?: number } = {},
): AsyncGenerator<ObjectContent[]> {
  const collector = session.content.propertyCollector;
  const specSet: SoapObject = {
    propSet: propSet.map((p) => ({ type: p.type, all: false, pathSet: [...p.pathSet] })),
    objectSet: [...objectSet],
  };
  const call = { signal: options.signal, ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}) };
  let [result] = await session.call(
    'RetrievePropertiesEx',
    collector,
    { specSet, options: { maxObjects: options.pageSize ?? DEFAULT_PAGE } },
    call,
  );
  let token: string | undefined;
  try {
    while (result) {
      token = child(result, 'token')?.text;
      yield childrenNamed(result, 'objects').map(readObjectContent);
      if (token === undefined) return;
      [result] = await session.call('ContinueRetrievePropertiesEx', collector, { token }, call);
      token = undefined;
    }
  } finally {
    if (token !== undefined) {
      await session.invoke('CancelRetrievePropertiesEx', collector, { token }).catch(() => undefined);
    }
  }
}

/** Every page of {@link retrievePages}, gathered. @internal */
export async function retrieveAll(
  session: VsphereSession,
  objectSet: readonly ObjectSpec[],
  propSet: readonly PropertySelection[],
  options: SoapCallOptions & { readonly pageSize?: number } = {},
): Promise<ObjectContent[]> {
  const all: ObjectContent[] = [];
  for await (const page of retrievePages(session, objectSet, propSet, options)) all.push(...page);
  return all;
}

/** Properties of the given objects (all of one type), in no particular order: one paged retrieval. @public */
export function retrieveObjects(
  session: VsphereSession,
  objects: readonly ManagedObjectReference[],
  type: string,
  pathSet: readonly string[],
  options: SoapCallOptions = {},
): Promise<ObjectContent[]> {
  return retrieveAll(
    session,
    objects.map((obj) => ({ obj, skip: false })),
    [{ type, pathSet }],
    options,
  );
}

function readObjectContent(node: XmlNode): ObjectContent {
  const obj = decodeValue(requireChild(node, 'obj'));
  if (!isReference(obj)) throw malformedAnswer('ObjectContent.obj is not a managed object reference');
  const props = new Map<string, VimValue>();
  for (const prop of childrenNamed(node, 'propSet')) {
    const name = requireChild(prop, 'name').text;
    const val = child(prop, 'val');
    if (val) props.set(name, decodeValue(val));
  }
  const missing = new Map<string, string>();
  for (const miss of childrenNamed(node, 'missingSet')) {
    const fault = child(child(miss, 'fault') ?? miss, 'fault');
    missing.set(requireChild(miss, 'path').text, fault?.xsiType ?? 'unknown');
  }
  return { obj, props, missing };
}
