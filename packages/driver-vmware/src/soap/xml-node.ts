import { EcloudError } from '@ecloud/core';
import { Parser } from 'xml2js';

/**
 * One element of a vSphere answer: its local name (namespace prefix dropped), attributes (prefixes
 * dropped too, so `xsi:type` is `type`… except that vim25 also has a plain `type` attribute on
 * references — so the schema type is kept apart as `xsiType`), children in document order, text.
 * @internal
 */
export interface XmlNode {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly xsiType: string | undefined;
  readonly children: readonly XmlNode[];
  readonly text: string;
}

interface RawNode {
  '#name': string;
  $?: Record<string, string>;
  $$?: RawNode[];
  '#text'?: string;
}

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

function convert(raw: RawNode): XmlNode {
  const attrs: Record<string, string> = {};
  let xsiType: string | undefined;
  for (const [key, value] of Object.entries(raw.$ ?? {})) {
    if (key.startsWith('xmlns')) continue;
    if (key.endsWith(':type') && key !== 'type') xsiType = localName(value);
    else attrs[localName(key)] = value;
  }
  return {
    name: localName(raw['#name']),
    attrs,
    xsiType,
    children: (raw.$$ ?? []).map(convert),
    text: raw['#text'] ?? '',
  };
}

/** Parses a whole document into its root element; malformed XML is a typed `DRIVER_FAILURE`. @internal */
export async function parseXml(xml: string): Promise<XmlNode> {
  const parser = new Parser({
    explicitChildren: true,
    preserveChildrenOrder: true,
    explicitRoot: true,
    explicitArray: true,
    // Not xml2js's default `_`: that is a legal element name, and a child `<_>` would overwrite the
    // text (and crash the parser). No XML name starts with `#`.
    charkey: '#text',
    explicitCharkey: true,
    trim: false,
    normalize: false,
    strict: true,
  });
  let parsed: Record<string, RawNode>;
  try {
    parsed = await parser.parseStringPromise(xml);
  } catch (error) {
    throw malformedAnswer(`it is not well-formed XML (${(error as Error).message.split('\n')[0]})`);
  }
  const root = parsed ? Object.values(parsed)[0] : undefined;
  if (!root) throw malformedAnswer('it is empty');
  return convert({ ...root, '#name': Object.keys(parsed)[0] as string });
}

/** The error for an answer we cannot read: the server (or something in front of it) sent garbage. @internal */
export function malformedAnswer(why: string): EcloudError {
  return new EcloudError('DRIVER_FAILURE', `vSphere sent an answer that cannot be read: ${why}.`, {
    details: { reason: 'malformed-answer', why },
  });
}

/** The first child named `name`, if any. @internal */
export function child(node: XmlNode, name: string): XmlNode | undefined {
  return node.children.find((c) => c.name === name);
}

/** Every child named `name`, in order. @internal */
export function childrenNamed(node: XmlNode, name: string): XmlNode[] {
  return node.children.filter((c) => c.name === name);
}

/** The first child named `name`; a missing one makes the answer malformed. @internal */
export function requireChild(node: XmlNode, name: string): XmlNode {
  const found = child(node, name);
  if (!found) throw malformedAnswer(`<${node.name}> has no <${name}>`);
  return found;
}

/** The text of the first child named `name`, if any. @internal */
export function childText(node: XmlNode, name: string): string | undefined {
  return child(node, name)?.text;
}
