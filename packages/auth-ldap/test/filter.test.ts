import fc from 'fast-check';
import { AndFilter, EqualityFilter, FilterParser } from 'ldapts';
import { describe, expect, it } from 'vitest';
import { escapeFilterValue, fillFilter } from '../src/filter.js';
import { DEFAULT_GROUP_FILTER, DEFAULT_USER_FILTER } from '../src/options.js';

describe('escapeFilterValue (RFC 4515)', () => {
  it('escapes the five characters a filter value may not hold', () => {
    expect(escapeFilterValue('*')).toBe('\\2a');
    expect(escapeFilterValue('(')).toBe('\\28');
    expect(escapeFilterValue(')')).toBe('\\29');
    expect(escapeFilterValue('\\')).toBe('\\5c');
    expect(escapeFilterValue('\0')).toBe('\\00');
    expect(escapeFilterValue('a*b(c)d\\e\0f')).toBe('a\\2ab\\28c\\29d\\5ce\\00f');
  });

  it('keeps everything else, non-ASCII included', () => {
    expect(escapeFilterValue('alice')).toBe('alice');
    expect(escapeFilterValue('jürgen.o’brien@例え.jp =&|!~<>')).toBe('jürgen.o’brien@例え.jp =&|!~<>');
    expect(escapeFilterValue('')).toBe('');
  });

  it('turns an injection attempt into one literal equality assertion', () => {
    for (const attack of ['*', '*)(uid=*', 'alice)(|(uid=*', '*)(objectClass=*))(&(uid=x', 'x\0*']) {
      const filter = FilterParser.parseString(`(uid=${escapeFilterValue(attack)})`);
      expect(filter).toBeInstanceOf(EqualityFilter);
      expect((filter as EqualityFilter).value).toBe(attack);
    }
  });

  it('always parses back to the very value, whatever the string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (value) => {
        const filter = FilterParser.parseString(`(uid=${escapeFilterValue(value)})`);
        if (value === '') return filter instanceof EqualityFilter && filter.value === '';
        return filter instanceof EqualityFilter && filter.value === value;
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('*', '(', ')', '\\', '\0', 'a', '=', '&', '|') }),
        (value) => {
          const filter = FilterParser.parseString(fillFilter(DEFAULT_USER_FILTER, { username: value }));
          const [objectClass, uid, ...more] = filter instanceof AndFilter ? filter.filters : [];
          return (
            more.length === 0 &&
            objectClass instanceof EqualityFilter &&
            objectClass.value === 'inetOrgPerson' &&
            uid instanceof EqualityFilter &&
            uid.attribute === 'uid' &&
            uid.value === value
          );
        },
      ),
    );
  });
});

describe('fillFilter', () => {
  it('puts the escaped values in their placeholders', () => {
    expect(fillFilter(DEFAULT_USER_FILTER, { username: '*)(uid=*' })).toBe(
      '(&(objectClass=inetOrgPerson)(uid=\\2a\\29\\28uid=\\2a))',
    );
    expect(fillFilter(DEFAULT_GROUP_FILTER, { dn: 'uid=dave(ops),ou=people,dc=x' })).toBe(
      '(&(objectClass=groupOfNames)(member=uid=dave\\28ops\\29,ou=people,dc=x))',
    );
    expect(fillFilter('(|(member={dn})(memberUid={username}))', { dn: 'cn=a\\,b', username: 'a' })).toBe(
      '(|(member=cn=a\\5c,b)(memberUid=a))',
    );
  });

  it('inserts replacement patterns literally and leaves unknown placeholders alone', () => {
    expect(fillFilter('(uid={username})', { username: "$&$'$`$1" })).toBe("(uid=$&$'$`$1)");
    expect(fillFilter('(uid={username})(x={other})', { username: 'a' })).toBe('(uid=a)(x={other})');
    expect(fillFilter('(x={constructor})', {})).toBe('(x={constructor})');
  });
});
