/**
 * Escapes a value for an LDAP search filter (RFC 4515 §3): `*`, `(`, `)`, `\` and NUL become `\2a`,
 * `\28`, `\29`, `\5c` and `\00`, so a user name such as `*)(uid=*` is matched literally and can never
 * widen or rewrite the filter it is put in. Every other character, non-ASCII included, is kept as is
 * (RFC 4515 allows UTF-8 in values).
 * @public
 */
export function escapeFilterValue(value: string): string {
  let escaped = '';
  for (const char of value) {
    switch (char) {
      case '*':
        escaped += '\\2a';
        break;
      case '(':
        escaped += '\\28';
        break;
      case ')':
        escaped += '\\29';
        break;
      case '\\':
        escaped += '\\5c';
        break;
      case '\0':
        escaped += '\\00';
        break;
      default:
        escaped += char;
    }
  }
  return escaped;
}

/**
 * Fills the `{name}` placeholders of a filter template with the escaped values of `values`
 * (`fillFilter('(uid={username})', { username: 'a*' })` is `(uid=a\2a)`); placeholders with no value are
 * left as they are. Values are never interpreted: `$&` and the like are inserted literally.
 * @internal
 */
export function fillFilter(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{([A-Za-z]+)\}/g, (placeholder: string, name: string) => {
    const value = Object.hasOwn(values, name) ? values[name] : undefined;
    return value === undefined ? placeholder : escapeFilterValue(value);
  });
}
