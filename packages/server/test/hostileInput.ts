/**
 * The nasty set, as fast-check arbitraries: values, bodies, path segments, query strings and
 * content types that a careless or hostile caller sends. Text the database cannot store (NUL,
 * lone surrogates), numbers JSON cannot carry faithfully (1e308, 1e400, -0), prototype keys
 * (`__proto__`, `constructor`), nesting deep enough to blow a recursive walk, and bodies that are
 * not JSON at all.
 */
import fc from 'fast-check';

/**
 * JSON text written into a body as it is: a number `JSON.stringify` would rewrite (`-0`, `1e400`)
 * or nesting too deep to build as a value. Shown shortened in a counterexample.
 */
export class RawJson {
  constructor(
    readonly text: string,
    readonly label = text,
  ) {}
  [fc.toStringMethod](): string {
    return `raw(${this.label})`;
  }
}

/** `depth` arrays or objects inside each other, as JSON text. */
export function nested(depth: number, shape: 'array' | 'object'): RawJson {
  const text =
    shape === 'array'
      ? '['.repeat(depth) + ']'.repeat(depth)
      : '{"a":'.repeat(depth) + 'null' + '}'.repeat(depth);
  return new RawJson(text, `${depth} nested ${shape}s`);
}

/**
 * A value as JSON text: `RawJson` as written, own `__proto__` keys kept, lone surrogates escaped.
 *
 * @example jsonText({ n: new RawJson('-0') }) // '{"n":-0}'
 */
export function jsonText(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${value.map(jsonText).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const members = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}:${jsonText(v)}`);
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * `encodeURIComponent`, but a lone surrogate is written as its (invalid) UTF-8 bytes (`%ED%A0%80`),
 * as a careless client writes it.
 *
 * @example percentEncoded('a\ud800') // 'a%ED%A0%80'
 */
export function percentEncoded(text: string): string {
  return text.replace(
    /[\ud800-\udbff][\udc00-\udfff]|[\ud800-\udfff]|[^\ud800-\udfff]+/g,
    (part) => {
      if (!/^[\ud800-\udfff]$/.test(part)) return encodeURIComponent(part);
      const unit = part.charCodeAt(0);
      return [0xed, 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)]
        .map((byte) => `%${byte.toString(16).toUpperCase()}`)
        .join('');
    },
  );
}

export const PROTOTYPE_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
] as const;

const HOSTILE_STRINGS = [
  '',
  ' ',
  'Ada\u0000',
  '\u0000',
  'Spa \ud800',
  '\udc00x',
  '\udfff\ud800',
  'x'.repeat(10_000),
  '💆‍♀️ Zürich',
  '\u202eevil',
  '\r\n\t',
  '<script>alert(1)</script>',
  "'; drop table workspaces; --",
  '%00',
  '../../etc/passwd',
  'null',
  'undefined',
  'NaN',
  'Infinity',
  '-0',
  '1e308',
  '9'.repeat(400),
  '2026-02-30T25:61:00Z',
  '+275760-09-13T00:00:00.000Z',
  '0000-01-01',
  'Etc/GMT+99',
  'Mars/Olympus_Mons',
  ...PROTOTYPE_KEYS,
];

const HOSTILE_NUMBERS = [
  '1e308',
  '-1e308',
  '1e400',
  '-0',
  '5e-324',
  '9007199254740993',
  '123456789012345678901234567890',
  '0.1e1',
  '-1',
  '0',
  '1.5',
].map((text) => new RawJson(text));

/**
 * The nasty set every operation meets on every run, whatever the seed (see nastyRequests.ts):
 * one value of each kind, for bodies and query parameters…
 */
export const NASTY_VALUES: readonly unknown[] = [
  'Ada\u0000',
  'Spa \ud800',
  new RawJson('1e308'),
  new RawJson('1e400'),
  new RawJson('-0'),
  'NaN',
  Object.fromEntries([['__proto__', { isAdmin: true }]]),
  { constructor: { prototype: { isAdmin: true } } },
  nested(10_000, 'array'),
  nested(10_000, 'object'),
];

/** …and one path segment of each kind, percent-encoded, for each path id. */
export const NASTY_SEGMENTS: readonly string[] = [
  '%00',
  '%ED%A0%80',
  '%ED%A0%80a%00',
  '%C0%80',
  '%',
  '__proto__',
  'constructor',
  '1e308',
  'x'.repeat(5_000),
];

/** A string of code units that includes NUL, lone surrogates and paired ones. */
const brokenText = fc.string({
  unit: fc.constantFrom('a', 'é', '\u0000', '\ud800', '\udc00', '💆', ' ', '"', '\\'),
  maxLength: 12,
});

/** An object whose keys are prototype keys, each own and enumerable. */
const prototypeObject = fc
  .array(
    fc.tuple(
      fc.constantFrom(...PROTOTYPE_KEYS),
      fc.constantFrom<unknown>({ isAdmin: true }, { polluted: 'yes' }, 1, 'x', null),
    ),
    { minLength: 1, maxLength: 3 },
  )
  .map((entries) => Object.fromEntries(entries) as Record<string, unknown>);

/** One hostile JSON value, to put anywhere a body has a value. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_NUMBERS) },
  { weight: 2, arbitrary: brokenText },
  { weight: 2, arbitrary: prototypeObject },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(true, false, null, [], {}, [null], [[]]) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.constantFrom(64, 1_000, 10_000),
        fc.constantFrom('array' as const, 'object' as const),
      )
      .map(([depth, shape]) => nested(depth, shape)),
  },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
);

/** Request bodies that are not JSON, or JSON a parser or a recursive walk chokes on. */
export const hostileBodyText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    'not json',
    '{',
    '{"a":1',
    "{'name':'x'}",
    '{"name":"x",}',
    ' ',
    'null',
    '[]',
    '"text"',
    '1e308',
    '-0',
    'NaN',
    'Infinity',
    '{"name":"raw NUL \u0000 inside"}',
    '\ufeff{"name":"x"}',
    '{"name":"a","name":"b"}',
    '{"__proto__":{"isAdmin":true}}',
    '{"constructor":{"prototype":{"isAdmin":true}}}',
    '{"na\\u0000me":"x"}',
    '{"\\ud800":"x"}',
    'name=x&features=bookings',
  ),
  fc
    .tuple(
      fc.constantFrom(1_000, 10_000, 100_000),
      fc.constantFrom('array' as const, 'object' as const),
    )
    .map(([depth, shape]) => nested(depth, shape).text),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.json({ maxDepth: 3 }),
);

/**
 * Path segments as they appear in a URL, already percent-encoded: NUL, an encoded lone surrogate
 * (`%ED%A0%80`), an overlong NUL, broken escapes, prototype keys, a very long id. Never `.` or
 * `..`, which the URL parser resolves before the server sees them.
 */
export const hostileSegment: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '%00',
    'ws_%00abc',
    '%ED%A0%80',
    '%ED%B0%80',
    '%C0%80',
    '%',
    '%ZZ',
    '%E0%A4%A',
    '%F0%9F%92%86',
    'a%2Fb',
    'a%20b',
    '%3Cscript%3E',
    "'%20OR%201=1--",
    '*',
    'ws_aaaaaaaaaaaaaaaaaaaa',
    'x'.repeat(5_000),
    '1e308',
    '-0',
    'NaN',
    'null',
    ...PROTOTYPE_KEYS,
  ),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }).map(encodeURIComponent),
  brokenText.filter((text) => text.length > 0).map(percentEncoded),
);

/** Query values, already percent-encoded. */
export const hostileQueryValue: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    '%00',
    '%ED%A0%80',
    '%',
    '1e308',
    '-1e308',
    '1e400',
    '-0',
    'NaN',
    'Infinity',
    '-1',
    '0',
    '1.5',
    '9007199254740993',
    'x'.repeat(5_000),
    '2026-02-30',
    '2026-12-01T25:00',
    '%2B275760-09-13',
    'Etc%2FGMT%2B99',
    ...PROTOTYPE_KEYS,
  ),
  fc.string({ unit: 'grapheme', maxLength: 20 }).map(encodeURIComponent),
  brokenText.map(percentEncoded),
);

/** Query parameters nobody documented: prototype keys, encoded NUL in a name, repeats. */
export const strayQueryName: fc.Arbitrary<string> = fc.constantFrom(
  ...PROTOTYPE_KEYS,
  'a%00',
  '%ED%A0%80',
  '',
  'limit[]',
  'x',
);

/** `null`: no Content-Type header at all. */
export const contentType: fc.Arbitrary<string | null> = fc.oneof(
  { weight: 12, arbitrary: fc.constant('application/json') },
  {
    weight: 4,
    arbitrary: fc.constantFrom<string | null>(
      null,
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/xml',
      'application/json; charset=utf-8',
      'application/merge-patch+json',
      'APPLICATION/JSON',
      'application/jsonx',
      '',
    ),
  },
);

/** Header values a client can send (printable Latin-1), some of them long or odd. */
export const headerValue: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('', ' ', 'x'.repeat(300), '__proto__', 'ÿþ', '1e308', 'a,b', '"quoted"'),
  fc.string({ unit: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)) }),
);
