import { type ParserOptions, parseStringPromise } from 'xml2js';
import { unreadableDomainXml } from './domain-xml-error.js';
import type { XmlNode } from './xml-node.js';

// Every child in an array and every text under `_`, so that one shape holds for every element whatever
// libvirt writes; empty elements become `{}` rather than the default `''`.
const PARSER_OPTIONS: ParserOptions = {
  explicitRoot: true,
  explicitArray: true,
  explicitCharkey: true,
  emptyTag: () => ({}),
  strict: true,
};

/** The root element of an XML document: its name and content. @internal */
export interface XmlRoot {
  readonly name: string;
  readonly node: XmlNode;
}

function onlyRoot(document: unknown): XmlRoot | undefined {
  if (typeof document !== 'object' || document === null) return undefined;
  const [entry] = Object.entries(document);
  if (entry === undefined || typeof entry[1] !== 'object' || entry[1] === null) return undefined;
  return { name: entry[0], node: entry[1] as XmlNode };
}

/**
 * Parses `xml` and returns its root element; a document that is not well-formed, or empty, is a typed
 * `DRIVER_FAILURE` rather than xml2js's plain Error. xml2js settles at the root's end tag, so anything
 * after it goes unchecked; libvirt never sends any.
 * @internal
 */
export async function readXmlRoot(xml: string): Promise<XmlRoot> {
  let document: unknown;
  try {
    document = await parseStringPromise(xml, PARSER_OPTIONS);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    // sax puts the line and column on further lines of its message: kept in the details only.
    throw unreadableDomainXml(`not well-formed XML (${reason.split('\n')[0]})`, { reason }, error);
  }
  const root = onlyRoot(document);
  if (root === undefined) throw unreadableDomainXml('the document has no root element');
  return root;
}
