import { unreadableDomainXml } from './domain-xml-error.js';

/**
 * An element as xml2js parses it with the options of {@link readXmlRoot}: attributes under `$`, text
 * under `_`, each child element name mapped to an array. Typed loosely on purpose: the accessors below
 * check every shape, so an unexpected document yields `undefined`, never a TypeError.
 * @internal
 */
export type XmlNode = { readonly [key: string]: unknown };

function isNode(value: unknown): value is XmlNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function ownValue(node: XmlNode | undefined, key: string): unknown {
  return node !== undefined && Object.hasOwn(node, key) ? node[key] : undefined;
}

/** The child elements of `node` named `name`, in document order. @internal */
export function childNodes(node: XmlNode | undefined, name: string): XmlNode[] {
  const value = ownValue(node, name);
  return Array.isArray(value) ? value.filter(isNode) : [];
}

/** The first child element of `node` named `name`. @internal */
export function childNode(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return childNodes(node, name)[0];
}

/** The names of all child elements of `node`. @internal */
export function childNames(node: XmlNode | undefined): string[] {
  return node === undefined ? [] : Object.keys(node).filter((key) => key !== '$' && key !== '_');
}

/** The value of attribute `name` of `node`. @internal */
export function attribute(node: XmlNode | undefined, name: string): string | undefined {
  const attributes = ownValue(node, '$');
  if (!isNode(attributes)) return undefined;
  const value = ownValue(attributes, name);
  return typeof value === 'string' ? value : undefined;
}

/** The text content of `node`, or undefined when it has none (xml2js drops blank text). @internal */
export function textOf(node: XmlNode | undefined): string | undefined {
  const value = ownValue(node, '_');
  return typeof value === 'string' ? value : undefined;
}

/**
 * `text` read as a non-negative decimal integer; undefined when absent. Garbage in an element we model
 * is an unreadable document, not a value to guess at.
 * @internal
 */
export function readInteger(text: string | undefined, what: string): number | undefined {
  if (text === undefined) return undefined;
  const trimmed = text.trim();
  const value = Number(trimmed);
  if (!/^\d+$/.test(trimmed) || !Number.isSafeInteger(value)) {
    throw unreadableDomainXml(`${what} is not a whole number: ${JSON.stringify(text)}`, {
      what,
      value: text,
    });
  }
  return value;
}
