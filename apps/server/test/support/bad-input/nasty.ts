import fc from 'fast-check';

/**
 * Hostile building blocks for the bad-input property test: strings, JSON fragments, URL path
 * segments and query strings. JSON is produced as text, not as values, so a body can carry what
 * a JavaScript object cannot express safely (`__proto__` as an own key, duplicate keys, escaped
 * lone surrogates, 2 000 levels of nesting) and what is not JSON at all.
 */

/** 100 KB: far above any sensible field, well under the 1 MB body limit. */
export const HUGE = 100_000;
/** Nesting deep enough to break naive recursion, shallow enough to stay a valid body. */
export const DEEP = 2_000;

const repeat = (text: string, length: number) => text.repeat(Math.ceil(length / text.length)).slice(0, length);

/** Strings no field expects: control and invisible characters, broken Unicode, injections, traversal. */
export const NASTY_STRINGS: readonly string[] = [
  '',
  ' ',
  '\t\r\n',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff',
  'x\ud83d',
  '\u202eevil.exe\u202c',
  '\u200f\u200e\u061c',
  '\u200b\u200c\u200d\ufeff',
  'e\u0301\u0301\u0301\u0327',
  'Z\u0351\u0360\u0322a\u0337\u0335l\u0336g\u0338o',
  '😀',
  '👨‍👩‍👧‍👦🏳️‍🌈',
  '\u{10ffff}\ufffe\uffff',
  "' OR '1'='1' --",
  '1; DROP TABLE tests; --',
  '"); DELETE FROM users; --',
  "admin'--",
  '%27%20OR%201%3D1',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  '${7*7}{{7*7}}#{7*7}',
  "`${process.exit(1)}`');process.exit(1);//",
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'file:///etc/passwd',
  'http://169.254.169.254/latest/meta-data/',
  'http://[::1]:22/',
  'http://user:pass@127.0.0.1:0/%00',
  '../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '%00',
  '%2e%2e%2f%2e%2e%2f',
  '\\',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'NaN',
  'Infinity',
  '-1',
  '0',
  '1e309',
  '9007199254740993',
  'true',
  'null',
  'undefined',
  '[object Object]',
  '* * * * *',
  '0 0 31 2 *',
  'Etc/GMT+99',
  'chromium\u0000',
  'iPhone 14\u0000',
  'admin',
  'a@b',
  '@example.test',
  'user@[127.0.0.1]',
  repeat('A', HUGE),
  repeat('😀', HUGE),
  repeat('\u0000', 10_000),
  repeat('\u202e', 10_000),
];

/** JSON numbers (and number-like text) at the edges. */
const NASTY_NUMBERS = ['0', '-0', '-1', '1.5', '1e308', '-1e308', '1e-400', '9007199254740993', '1' + '0'.repeat(400)];

const jsonString = (text: string) => JSON.stringify(text);

/** Nested arrays `[[[…]]]`, objects `{"a":{"a":…}}`, or both in turn, `levels` deep. */
export function deepJson(levels: number, kind: 'array' | 'object' | 'mixed'): string {
  if (kind === 'array') return '['.repeat(levels) + ']'.repeat(levels);
  if (kind === 'object') return '{"a":'.repeat(levels) + 'null' + '}'.repeat(levels);
  const half = Math.floor(levels / 2);
  return '[{"a":'.repeat(half) + '1' + '}]'.repeat(half);
}

const FIXED_FRAGMENTS: readonly string[] = [
  'null',
  'true',
  'false',
  '[]',
  '{}',
  '[null]',
  '[1,"a",null,{}]',
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  '{"prototype":{"polluted":true}}',
  '{"toString":"x","valueOf":1,"hasOwnProperty":null}',
  '{"":""}',
  '"\\ud800"',
  '"\\u0000"',
  '"a\\u0000b"',
  deepJson(DEEP, 'array'),
  deepJson(DEEP, 'object'),
  deepJson(DEEP, 'mixed'),
  `[${Array.from({ length: 20_000 }, () => '0').join(',')}]`,
  `{${Array.from({ length: 3_000 }, (_, index) => `"k${index}":${index}`).join(',')}}`,
  `[${Array.from({ length: 600 }, () => '"x"').join(',')}]`,
];

/** Values neither String() nor a template literal can turn into text: both throw a TypeError. */
const UNPRINTABLE: readonly string[] = [
  '{"toString":null,"valueOf":null}',
  '{"toString":{},"valueOf":{}}',
  '[{"toString":null,"valueOf":null}]',
  '{"a":{"toString":null,"valueOf":null}}',
];

/** One value of each JSON type a field rarely expects, for the per-field sweep. */
export const WRONG_TYPES: readonly string[] = [
  '-1',
  'false',
  'null',
  '[null]',
  '{"toString":null,"valueOf":null}',
  '[{"toString":null,"valueOf":null}]',
];

/** Any JSON value a field might receive by mistake or malice, as JSON text. */
export const jsonFragment: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY_STRINGS).map(jsonString) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }).map(jsonString) },
  { weight: 2, arbitrary: fc.constantFrom(...NASTY_NUMBERS) },
  { weight: 1, arbitrary: fc.double().map((value) => (Number.isFinite(value) ? JSON.stringify(value) : '0')) },
  { weight: 4, arbitrary: fc.constantFrom(...FIXED_FRAGMENTS) },
  { weight: 1, arbitrary: fc.constantFrom(...UNPRINTABLE) },
  {
    weight: 2,
    arbitrary: fc
      .array(fc.constantFrom(...NASTY_STRINGS.filter((text) => text.length < 100)), { minLength: 1, maxLength: 4 })
      .map((items) => `[${items.map(jsonString).join(',')}]`),
  },
);

/** Keys that must never reach an object's prototype, and others no schema names. */
export const HOSTILE_KEYS: readonly string[] = [
  '__proto__',
  'constructor',
  'prototype',
  '__defineGetter__',
  'toString',
  '',
  '\u0000',
  '\ud800',
  '$where',
  'a.b',
  'a[b]',
  repeat('k', 10_000),
];

/** A JSON object with exactly these members, in order (duplicate keys allowed). */
export const jsonObject = (members: [string, string][]) =>
  `{${members.map(([key, value]) => `${jsonString(key)}:${value}`).join(',')}}`;

/** Text sent as `application/json` that is not JSON: every one must be refused with a 4xx. */
export const MALFORMED_JSON: readonly string[] = [
  '{',
  '{"a":',
  '{"a":1}}',
  '{"a":1,}',
  '[1,]',
  "{'a':1}",
  '{a:1}',
  'nul',
  'undefined',
  'NaN',
  '{"a":NaN}',
  '{"a":Infinity}',
  '{"a":01}',
  '{"a":1}garbage',
  // A raw control character inside a string is not JSON.
  '{"a":"\u0000"}',
  '{"a":"\n"}',
  '\u0000',
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  '{"a":{"__proto__":{"polluted":true}}}',
  '<?xml version="1.0"?><a/>',
  'name=a&url=b',
  '--boundary\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--boundary--',
  '['.repeat(DEEP),
  '{"a":'.repeat(DEEP),
  ' ',
  '\r\n',
];

/** Text sent as `application/json` that a parser may read either way (a BOM, a lone surrogate). */
export const ODD_JSON: readonly string[] = ['\ufeff{}', '"\ud800"', '{"a":"\ud800"}', '\ufeff\ufeff{}', '{"a":1}\n\n'];

/** Content types a JSON API does not read: a body labelled so must be refused (415). */
export const REFUSED_CONTENT_TYPES: readonly string[] = [
  'text/plain',
  'text/html',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=boundary',
  'application/xml',
  'application/octet-stream',
  'application/json-patch+json',
  'application/vnd.api+json',
];

/** Content types that are malformed or borderline: any 4xx, or acceptance as JSON, will do. */
export const ODD_CONTENT_TYPES: readonly string[] = [
  'application/json; charset=utf-16',
  'application/json; charset=latin1',
  'APPLICATION/JSON',
  'application/json, text/plain',
  'application/json;;;',
  'json',
  '*/*',
  ';',
  '',
];

/** Percent-encodes text, lone surrogates included (as the bytes WTF-8 would use, which no valid UTF-8 has). */
export function encodeSegment(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code >= 0xd800 && code <= 0xdfff) {
      out += `%${(0xe0 | (code >> 12)).toString(16).toUpperCase()}%${(0x80 | ((code >> 6) & 0x3f)).toString(16).toUpperCase()}%${(0x80 | (code & 0x3f)).toString(16).toUpperCase()}`;
    } else {
      out += encodeURIComponent(char);
    }
  }
  return out;
}

/** Path segments sent as they are (already encoded, malformed, or meant to escape the route). */
export const RAW_SEGMENTS: readonly string[] = [
  '..',
  '.',
  '..%2F..%2Fetc%2Fpasswd',
  '..%2f..%2f..%2f..%2fetc%2fpasswd',
  '%2e%2e',
  '%2e%2e%2f%2e%2e%2f',
  '..%5c..%5cwindows',
  '%00',
  'PRJ-1%00',
  '%',
  '%zz',
  '%E0%A4%A',
  '%ED%A0%80',
  '%C0%AE%C0%AE',
  '%FF%FE',
  '%F0%9F%98%80',
  '%20',
  '+',
  '%2B',
  ';',
  '*',
  '~',
  '%3Cscript%3E',
  repeat('x', 499),
  repeat('x', 501),
  repeat('x', 5_000),
  repeat('%41', 3_000),
];

/** An id the server never issued: encoded hostile text, or a raw malformed segment. */
export const invalidSegment: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS.filter((text) => text !== '')).map(encodeSegment) },
  { weight: 2, arbitrary: fc.constantFrom(...RAW_SEGMENTS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }).map(encodeSegment) },
  { weight: 1, arbitrary: fc.constantFrom('PRJ-999999', 'TST-0', 'RUN-1e9', 'WH-404', '-1', '0', '1.5', 'NaN') },
);

/** One query parameter, hostile, for the per-parameter sweep: 100 KB, 1e23, NUL, broken UTF-8, repeated, nested. */
export const HOSTILE_QUERY_VALUES: readonly ((name: string) => string)[] = [
  (name) => `${name}=${'A'.repeat(HUGE)}`,
  (name) => `${name}=99999999999999999999999`,
  (name) => `${name}=%00`,
  (name) => `${name}=%ED%A0%80`,
  (name) => `${name}=1&${name}=2`,
  (name) => `${name}[a]=1`,
];

/** Query strings that are broken as a whole rather than in one value. */
export const RAW_QUERIES: readonly string[] = [
  '?',
  '?&&&',
  '?=',
  '?=x',
  '?%zz=1',
  '?a=%E0%A4%A',
  '?a=%ED%A0%80',
  '?__proto__[polluted]=1',
  '?__proto__=x',
  '?constructor[prototype][polluted]=1',
  '?a[b][c][d]=1',
  '?a[]=1&a[]=2',
  '?page=-1&pageSize=1e9',
  '?page=99999999999999999999999&pageSize=-99999999999999',
  '?page=NaN&pageSize=Infinity',
  '?page=0x10&pageSize=0b1',
  '?limit=0',
  '?limit=-5',
  '?limit=1.5',
  '?limit=abc',
  '?limit=999999999999',
  '?runs=,,,,',
  `?runs=${Array.from({ length: 50 }, (_, index) => `RUN-${index}`).join(',')}`,
  '?token=garbage&lastEventId=-1',
  '?lastEventId=RUN-1:NaN,RUN-2:-1,:::',
  '?status=%00&browser=..%2F..',
  '?stale=1&stale=2&stale=3',
  `?${repeat('a', HUGE)}=1`,
  `?q=${repeat('%F0%9F%98%80', 20_000)}`,
  `?${Array.from({ length: 3_000 }, (_, index) => `k${index}=${index}`).join('&')}`,
  '?#fragment',
  '?a=1#?b=2',
];

/**
 * A query string: none, the route's own names (with values that mean something here, or
 * hostile ones, in odd shapes such as `a[]=` or a bare name), or garbage throughout.
 */
export function queryString(
  names: readonly string[],
  known: (name: string) => readonly string[],
): fc.Arbitrary<string> {
  const hostile = fc.oneof(
    fc.constantFrom(...NASTY_STRINGS).map(encodeSegment),
    fc.constantFrom(...RAW_SEGMENTS),
    fc.string({ unit: 'binary', maxLength: 20 }).map(encodeSegment),
  );
  const pair = (name: string) => {
    const values = known(name);
    const value =
      values.length > 0
        ? fc.oneof(
            { weight: 2, arbitrary: fc.constantFrom(...values).map(encodeSegment) },
            { weight: 1, arbitrary: hostile },
          )
        : hostile;
    return fc
      .tuple(value, fc.constantFrom('=', '=', '=', '[]=', '[a]=', '', '=='))
      .map(([v, separator]) => (separator === '' ? name : `${name}${separator}${v}`));
  };
  const pairs =
    names.length === 0
      ? fc.constant('')
      : fc
          .subarray([...names], { minLength: 1 })
          .chain((chosen) =>
            // Each chosen name once, then maybe a repeat or two (`a=1&a=2`).
            fc.tuple(fc.tuple(...chosen.map(pair)), fc.array(fc.constantFrom(...chosen).chain(pair), { maxLength: 2 })),
          )
          .map(([once, repeated]) => `?${[...once, ...repeated].join('&')}`);
  return fc.oneof(
    { weight: 2, arbitrary: fc.constant('') },
    { weight: names.length > 0 ? 5 : 0, arbitrary: pairs },
    { weight: 2, arbitrary: fc.constantFrom(...RAW_QUERIES) },
  );
}

/** Header values that are printable ASCII (what fetch and Node accept) but otherwise hostile. */
export const hostileHeaderValue: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('', '-1', 'NaN', '1e999', 'RUN-1:5,RUN-2:x', "' OR 1=1 --", '../../etc/passwd', 'x'.repeat(8_000)),
  fc.string({ unit: 'binary-ascii', maxLength: 30 }).map((text) => text.replace(/[^\x20-\x7e]/g, '')),
);
