import { EcloudError } from '@ecloud/core';

const MOREF = Symbol.for('ecloud.vmware.ManagedObjectReference');

/**
 * A reference to a server-side managed object (`vm-42` of type `VirtualMachine`), as vSphere names
 * it: on the wire `<tag type="VirtualMachine">vm-42</tag>`.
 * @public
 */
export interface ManagedObjectReference {
  readonly type: string;
  readonly value: string;
}

/** A managed object reference that the SOAP writer recognises as one. @public */
export function moref(type: string, value: string): ManagedObjectReference {
  return Object.freeze({ type, value, [MOREF]: true }) as ManagedObjectReference;
}

/** Whether `value` was made by {@link moref}. @internal */
export function isMoref(value: unknown): value is ManagedObjectReference {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[MOREF] === true;
}

/**
 * A data object argument. `$type` becomes `xsi:type` — vim25 is polymorphic (a `VirtualDeviceSpec`
 * carries a `VirtualDisk`), and the server needs the concrete type. Properties are written in the
 * order they are listed, which must be the WSDL's sequence order.
 * @public
 */
export interface SoapObject {
  readonly $type?: string;
  readonly [field: string]: SoapValue;
}

/** Anything an argument may hold; `undefined` fields are left out, arrays repeat their element. @public */
export type SoapValue =
  | string
  | number
  | bigint
  | boolean
  | ManagedObjectReference
  | SoapObject
  | readonly SoapValue[]
  | undefined;

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  // A parser turns a raw CR (and CRLF) into LF (XML 1.0 §2.11): only a reference arrives as sent.
  '\r': '&#13;',
};
// XML 1.0 has no way to carry these code points, escaped or not; nor a lone surrogate (half of a
// pair, from a string cut in the middle of an emoji), which UTF-8 would silently turn into U+FFFD.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching the characters XML refuses is the point
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|\p{Cs}/u;
const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/** Text escaped for an XML element or attribute; refuses what XML cannot carry. @internal */
export function escapeXml(text: string): string {
  const forbidden = FORBIDDEN.exec(text);
  if (forbidden) {
    // Where and which, never the text: the argument may be a password.
    const codePoint = (forbidden[0].codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0');
    throw new EcloudError(
      'INVALID_ARGUMENT',
      'A vSphere argument holds a control character XML cannot carry.',
      {
        details: { index: forbidden.index, codePoint: `U+${codePoint}` },
      },
    );
  }
  return text.replace(/[&<>"'\r]/g, (c) => ESCAPES[c] as string);
}

function elementName(name: string): string {
  if (!NAME.test(name)) {
    throw new EcloudError('INVALID_ARGUMENT', `${JSON.stringify(name)} cannot name a vSphere argument.`, {
      details: { name },
    });
  }
  return name;
}

/** Writes `value` as the element(s) `name` (none for undefined, one per item for an array). @internal */
export function writeElement(name: string, value: SoapValue): string {
  const tag = elementName(name);
  if (value === undefined) return '';
  // Outside SoapValue, but a JavaScript caller's `null` must not end as a TypeError (nor a function
  // as its source text).
  if (value === null || typeof value === 'function' || typeof value === 'symbol') {
    throw new EcloudError('INVALID_ARGUMENT', `Argument ${tag} is not a value vSphere can take.`, {
      details: { name: tag, type: value === null ? 'null' : typeof value },
    });
  }
  if (Array.isArray(value)) return value.map((item) => writeElement(tag, item)).join('');
  if (isMoref(value)) return `<${tag} type="${escapeXml(value.type)}">${escapeXml(value.value)}</${tag}>`;
  if (typeof value === 'object') {
    const object = value as SoapObject;
    const type = object.$type === undefined ? '' : ` xsi:type="${escapeXml(elementName(object.$type))}"`;
    const body = Object.entries(object)
      .filter(([field]) => field !== '$type')
      .map(([field, inner]) => writeElement(field, inner))
      .join('');
    return `<${tag}${type}>${body}</${tag}>`;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new EcloudError('INVALID_ARGUMENT', `Argument ${tag} is not a finite number.`, {
      details: { name: tag },
    });
  }
  return `<${tag}>${escapeXml(String(value))}</${tag}>`;
}
