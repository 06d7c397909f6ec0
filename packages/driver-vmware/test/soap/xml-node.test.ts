import { EcloudError } from '@ecloud/core';
import { describe, expect, it } from 'vitest';
import { expectRejectsEcloud, expectThrowsEcloud } from '../../../../test-support/ecloud-errors.js';
import {
  child,
  childrenNamed,
  childText,
  malformedAnswer,
  parseXml,
  requireChild,
  type XmlNode,
} from '../../src/soap/xml-node.js';

// parseXml is what every vSphere answer goes through: names must come out without prefixes (servers
// choose their own), the two meanings of "type" must stay apart, order must be kept (vim25 arrays
// are repeated elements), and anything that is not XML must be a typed DRIVER_FAILURE.

const XSI = 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';

describe('parseXml', () => {
  it('drops namespace prefixes from element names at every depth', async () => {
    const root = await parseXml(
      '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body>' +
        '<vim:Answer xmlns:vim="urn:vim25"><vim:returnval>x</vim:returnval></vim:Answer></soapenv:Body></soapenv:Envelope>',
    );
    expect(root.name).toBe('Envelope');
    expect(root.children.map((c) => c.name)).toEqual(['Body']);
    const answer = root.children[0]?.children[0] as XmlNode;
    expect(answer.name).toBe('Answer');
    expect(answer.children[0]?.name).toBe('returnval');
    expect(answer.children[0]?.text).toBe('x');
  });

  it('keeps attributes without their prefixes, and leaves namespace declarations out', async () => {
    const root = await parseXml('<a xmlns="urn:vim25" xmlns:v="urn:x" key="1" v:label="two"/>');
    expect(root.attrs).toEqual({ key: '1', label: 'two' });
  });

  it('keeps xsi:type apart from a plain type attribute, without its value prefix', async () => {
    // A reference in a polymorphic slot carries both: the schema type and the object's type.
    const root = await parseXml(
      `<val ${XSI} xsi:type="vim25:ManagedObjectReference" type="VirtualMachine">vm-42</val>`,
    );
    expect(root.xsiType).toBe('ManagedObjectReference');
    expect(root.attrs).toEqual({ type: 'VirtualMachine' });
    expect(root.text).toBe('vm-42');
  });

  it('has no xsiType when the element has none, even with a plain type attribute', async () => {
    const root = await parseXml('<obj type="Folder">group-d1</obj>');
    expect(root.xsiType).toBeUndefined();
    expect(root.attrs.type).toBe('Folder');
    expect((await parseXml(`<v ${XSI} xsi:type="xsd:string">s</v>`)).xsiType).toBe('string');
  });

  it('keeps children in document order, interleaved names included', async () => {
    // xml2js groups children by name unless told otherwise: a PropertyChange list or a mixed
    // DynamicProperty sequence would come out reordered.
    const root = await parseXml('<r><x>1</x><y>2</y><x>3</x><z/><y>4</y></r>');
    expect(root.children.map((c) => `${c.name}=${c.text}`)).toEqual(['x=1', 'y=2', 'x=3', 'z=', 'y=4']);
  });

  it('reads text with entities, character references and CDATA decoded, and spaces kept', async () => {
    expect((await parseXml('<t>a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos;</t>')).text).toBe(
      `a & b <c> "d" 'e'`,
    );
    expect((await parseXml('<t>&#13;&#x1F600;</t>')).text).toBe('\r😀');
    expect((await parseXml('<t><![CDATA[<not-a-tag> & all]]></t>')).text).toBe('<not-a-tag> & all');
    // `trim: false`: a leading or trailing space of a value (a VM name, a path) is part of it.
    expect((await parseXml('<t>  web 1  </t>')).text).toBe('  web 1  ');
    expect((await parseXml('<t/>')).text).toBe('');
  });

  it('reads an element named like an object property as any other element', async () => {
    // xml2js builds plain objects keyed by element names: these names must not reach a prototype.
    const root = await parseXml('<r><__proto__>a</__proto__><constructor>b</constructor><toString/></r>');
    expect(root.children.map((c) => [c.name, c.text])).toEqual([
      ['__proto__', 'a'],
      ['constructor', 'b'],
      ['toString', ''],
    ]);
    expect(({} as Record<string, unknown>).a).toBeUndefined();
  });

  it('reads an element named `_` (a legal name) without losing the parent text or failing', async () => {
    // xml2js keeps text under its `charkey`; with the default `_`, a child <_> collided with it.
    const root = await parseXml('<r>t<_>inner</_></r>');
    expect(root.text).toBe('t');
    expect(root.children.map((c) => [c.name, c.text])).toEqual([['_', 'inner']]);
  });

  it('accepts a byte order mark, an XML declaration and a doctype before the root', async () => {
    expect((await parseXml('\uFEFF<?xml version="1.0" encoding="UTF-8"?>\n<r/>')).name).toBe('r');
    expect((await parseXml('<!DOCTYPE r><r>x</r>')).text).toBe('x');
  });

  it.each([
    ['an unclosed root', '<r>'],
    ['mismatched tags', '<r><a></b></r>'],
    ['a truncated document', '<r><a>text</a'],
    ['text only', 'not xml at all'],
    // (sax, under xml2js, knows the HTML entities even when strict: `&nbsp;` would pass.)
    ['an undefined entity', '<r>&bogus;</r>'],
    ['a character reference to NUL', '<r>&#0;</r>'],
    ['a reference beyond Unicode', '<r>&#x110000;</r>'],
    ['an unquoted attribute', '<r a=1/>'],
    ['an HTML page', '<html><body><hr><p>503</p></body></html>'],
    ['an empty document', ''],
    ['only spaces', '  \n'],
    ['only a declaration', '<?xml version="1.0"?>'],
  ])('refuses %s as a malformed answer', async (_label, xml) => {
    const error = await expectRejectsEcloud(parseXml(xml), 'DRIVER_FAILURE');
    expect(error.details.reason).toBe('malformed-answer');
    expect(typeof error.details.why).toBe('string');
    expect(error.message).toContain(error.details.why as string);
  });
});

describe('malformedAnswer', () => {
  it('is a DRIVER_FAILURE naming the reason and why', () => {
    const error = malformedAnswer('it is upside down');
    expect(error).toBeInstanceOf(EcloudError);
    expect(error.code).toBe('DRIVER_FAILURE');
    expect(error.details).toEqual({ reason: 'malformed-answer', why: 'it is upside down' });
    expect(error.message).toBe('vSphere sent an answer that cannot be read: it is upside down.');
  });
});

describe('child helpers', () => {
  const node = parseXml('<r><a>1</a><b>2</b><a>3</a><c><d>4</d></c></r>');

  it('child finds the first of a name, or nothing', async () => {
    const root = await node;
    expect(child(root, 'a')?.text).toBe('1');
    expect(child(root, 'd')).toBeUndefined(); // children only, not descendants
    expect(child(root, 'missing')).toBeUndefined();
  });

  it('childrenNamed finds every one of a name, in order', async () => {
    const root = await node;
    expect(childrenNamed(root, 'a').map((c) => c.text)).toEqual(['1', '3']);
    expect(childrenNamed(root, 'missing')).toEqual([]);
  });

  it('childText is the text of the first of a name', async () => {
    const root = await node;
    expect(childText(root, 'b')).toBe('2');
    expect(childText(root, 'missing')).toBeUndefined();
  });

  it('requireChild returns the child, and makes a missing one a malformed answer naming both', async () => {
    const root = await node;
    expect(requireChild(root, 'c').children[0]?.text).toBe('4');
    const error = expectThrowsEcloud(() => requireChild(root, 'returnval'), 'DRIVER_FAILURE');
    expect(error.details.reason).toBe('malformed-answer');
    expect(error.details.why).toBe('<r> has no <returnval>');
  });
});
