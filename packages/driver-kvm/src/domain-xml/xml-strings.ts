import { z } from 'zod';

// The XML 1.0 `Char` production: no escape can put anything else into a document. Lone surrogates
// fall outside it because the `u` flag matches whole code points only.
const XML_CHARS = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;

/** Whether `value` holds only characters an XML 1.0 document can carry. @internal */
export function isXmlText(value: string): boolean {
  return XML_CHARS.test(value);
}

/**
 * A non-empty string of at most `max` characters that can be written into domain XML; the builder
 * would otherwise throw a plain Error on a control character.
 * @internal
 */
export function xmlString(max: number) {
  return z.string().min(1).max(max).refine(isXmlText, 'must hold only characters XML 1.0 allows');
}

/** An absolute path on the hypervisor host. @internal */
export const absolutePath = xmlString(4096).regex(/^\//, 'must be an absolute path');

/** The name of a libvirt object (domain, network, pool): 1–64 characters of `[A-Za-z0-9_.-]`. @internal */
export const objectName = z
  .string()
  .regex(/^[A-Za-z0-9_.-]{1,64}$/, 'must be 1-64 characters of [A-Za-z0-9_.-]');
