import { isMoref, type ManagedObjectReference, moref } from '../soap/soap-value.js';
import { malformedAnswer, type XmlNode } from '../soap/xml-node.js';

/**
 * A vim25 value read off the wire without a schema: text, a number or boolean when `xsi:type` says
 * so, a managed object reference, an array (`ArrayOf…`), or a data object whose fields are its
 * children (a repeated child becomes an array; a single one stays single — read list-valued fields
 * with {@link asArray}).
 * @public
 */
export type VimValue = string | number | boolean | ManagedObjectReference | VimObject | readonly VimValue[];

/** A data object as read: `$type` is its `xsi:type` when the server gave one. @public */
export interface VimObject {
  readonly $type?: string;
  readonly [field: string]: VimValue | undefined;
}

const NUMERIC = new Set(['int', 'long', 'short', 'byte', 'float', 'double']);

/** Reads one element as a {@link VimValue}. @internal */
export function decodeValue(node: XmlNode): VimValue {
  const type = node.xsiType;
  if (type?.startsWith('ArrayOf')) return node.children.map(decodeValue);
  if (node.children.length === 0) {
    if (node.attrs.type !== undefined) return moref(node.attrs.type, node.text);
    if (type !== undefined && NUMERIC.has(type)) return numberOf(node);
    if (type === 'boolean') return node.text === 'true';
    return node.text;
  }
  const object: Record<string, VimValue> = {};
  if (type !== undefined) object.$type = type;
  for (const field of node.children) {
    const value = decodeValue(field);
    const previous = object[field.name];
    if (previous === undefined) object[field.name] = value;
    else if (Array.isArray(previous) && (previous as unknown as { $repeated?: true }).$repeated)
      (previous as VimValue[]).push(value);
    else object[field.name] = repeated([previous, value]);
  }
  return object;
}

function repeated(values: VimValue[]): VimValue[] {
  Object.defineProperty(values, '$repeated', { value: true, enumerable: false });
  return values;
}

function numberOf(node: XmlNode): number {
  const value = Number(node.text);
  if (node.text.trim() === '' || !Number.isFinite(value))
    throw malformedAnswer(`<${node.name}> holds ${JSON.stringify(node.text)}, not a number`);
  return value;
}

/** A field that vim25 declares as a list, whether it came as none, one or many. @public */
export function asArray<T extends VimValue>(value: T | readonly T[] | undefined): readonly T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? (value as readonly T[]) : [value as T];
}

/** Whether a value is a managed object reference (of `type`, when given). @public */
export function isReference(value: VimValue | undefined, type?: string): value is ManagedObjectReference {
  return isMoref(value) && (type === undefined || value.type === type);
}
