import fc from 'fast-check';
import type { Operation } from './openapi-operations.js';
import { positionsOf, withValueAt } from './schema-sample.js';

/** One request the fuzzer sends: what it tries (for the failure report) and the raw request. */
export interface HostileRequest {
  label: string;
  method: Operation['method'];
  url: string;
  /** The raw body; undefined sends none. */
  payload?: string;
  /** undefined: JSON when there is a payload; null: no content-type header at all. */
  contentType?: string | null;
}

/** A request the route would take: known path parameters and a sample body. */
export interface Base {
  params: Record<string, string>;
  body: unknown;
}

const deep = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;
const nested = (levels: number): unknown => {
  let value: unknown = 'bottom';
  for (let i = 0; i < levels; i++) value = { a: value };
  return value;
};

// Text PostgreSQL cannot store, text that is merely odd, and text that is big.
const hostileText = [
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udc00y',
  '',
  ' ',
  'x'.repeat(200_000),
  '🙂'.repeat(5000),
  '\u202e\u200b\ufeff',
  '../../../etc/passwd',
  "'; drop table record; --",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: template syntax and replacement patterns, as typed
  "${7*7}{{7*7}}$`$'$&",
  '<img src=x onerror=alert(1)>',
  '00000000-0000-0000-0000-000000000000',
];
const hostileValue = fc.oneof(
  fc.constantFrom(...hostileText),
  fc.constantFrom<unknown>(0, -1, 2 ** 53, 1e308, 1.5, true, false, null, [], {}, [null], { '': null }),
  fc
    .constantFrom('nested 60', 'wide 990', 'long 10001')
    .map((kind) =>
      kind === 'nested 60'
        ? nested(60)
        : kind === 'wide 990'
          ? Object.fromEntries(Array.from({ length: 990 }, (_, i) => [`k${i}`, i]))
          : Array.from({ length: 10_001 }, () => 0),
    ),
);

// Whole bodies: not JSON, not an object, nested past any limit, too wide.
const wholeBodies: [string, string][] = [
  ['empty body', ''],
  ['body null', 'null'],
  ['body []', '[]'],
  ['body "x"', '"x"'],
  ['body 1e999', '1e999'],
  ['malformed body', '{"a":'],
  ['body with a BOM', '\ufeff{}'],
  ['NUL escape as key', '{"\\u0000":1}'],
  ['lone surrogate escape', '{"a":"\\ud800"}'],
  ['10,000 levels deep', deep(10_000)],
  [
    '5,000 unknown keys',
    JSON.stringify(Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`k${i}`, i]))),
  ],
];
const contentTypes: [string, string | null, string][] = [
  ['text/plain body', 'text/plain', 'hello'],
  ['form-urlencoded body', 'application/x-www-form-urlencoded', 'a=b&__proto__=x'],
  ['multipart without boundary', 'multipart/form-data', 'abc'],
  ['body without content-type', null, '{"a":1}'],
  ['content-type gibberish', '%%%/;;;', '{}'],
  ['json with a strange charset', 'application/json; charset=utf-16', '{}'],
];
const multipartBodies: [string, string][] = [
  ['truncated multipart', '--fz\r\nContent-Disposition: form-data; name="entity"\r\n\r\nrequ'],
  [
    'NUL in a multipart field',
    '--fz\r\nContent-Disposition: form-data; name="entity"\r\n\r\na\u0000b\r\n--fz\r\nContent-Disposition: form-data; name="articleId"\r\n\r\n\u0000\r\n--fz--\r\n',
  ],
  [
    'multipart file cut short',
    '--fz\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n\u0089PNG\r\n',
  ],
  ['multipart with no parts', '--fz--\r\n'],
];
const hostileParams = [
  '%00',
  'a%00b',
  'x'.repeat(10_000),
  '..',
  '%2e%2e',
  '..%2f..%2fetc',
  'not-a-uuid',
  '%ED%A0%80',
  '%F0%9F%99%82',
  '%25',
  '-1',
  '1e309',
];

const hostileQueryValues = [
  '1e20',
  '99999999999999999999',
  '-1',
  '1e309',
  'NaN',
  '9007199254740993',
  '2147483648',
  'x'.repeat(5000),
  '%00',
  '',
  '%ED%A0%80',
  'a&a=b&a=c',
  '__proto__',
  // Shaped like the records list's filters (field:operator:value), with values the database cannot compare.
  'number:gt:1e20',
  'createdAt:gt:1',
  'number:lt:',
  'nope:eq:1',
];

const fill = (path: string, params: Record<string, string>) =>
  path.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? 'x');

/**
 * Hostile requests for one operation, deterministic per seed. Always: NUL in several string positions of the body
 * and in a key, half a surrogate pair, 10,000 levels of nesting, a prototype key, NUL, 10 KB and unknown ids in
 * the path, NUL in the query string, and 1e20 where a number goes. Then a sample of: one body value replaced by a hostile one (wrong types, huge or odd text, deep or wide
 * values), whole hostile bodies, other content types, other hostile path parameters and query strings.
 */
export function hostileRequests(op: Operation, base: Base, seed: number, sampled: number): HostileRequest[] {
  const url = fill(op.path, base.params);
  const json = (label: string, body: unknown): HostileRequest => ({
    label,
    method: op.method,
    url,
    payload: JSON.stringify(body).replaceAll('"__fuzz_proto__"', '"__proto__"'),
  });
  const raw = (label: string, payload: string, contentType?: string | null): HostileRequest => ({
    label,
    method: op.method,
    url,
    payload,
    contentType,
  });
  const withParam = (name: string, value: string): HostileRequest => ({
    label: `path {${name}} = ${describe(value)}`,
    method: op.method,
    url: fill(op.path, { ...base.params, [name]: value }),
    payload: op.method === 'GET' || op.method === 'DELETE' ? undefined : JSON.stringify(base.body),
  });
  const withQuery = (name: string, value: string): HostileRequest => ({
    label: `query ${name}=${describe(value)}`,
    method: op.method,
    url: `${url}?${encodeURIComponent(name)}=${value}`,
    payload: op.method === 'GET' || op.method === 'DELETE' ? undefined : JSON.stringify(base.body),
  });
  const positions = positionsOf(base.body);
  const at = (path: (string | number)[]) =>
    path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], base.body);
  const strings = positions.filter((p) => typeof at(p) === 'string');
  const numbers = positions.filter((p) => typeof at(p) === 'number');
  const objects = positions.filter((p) => {
    const value = at(p);
    return value !== null && typeof value === 'object' && !Array.isArray(value);
  });
  const pick = <T>(items: T[], count: number): T[] =>
    items.length <= count
      ? items
      : fc.sample(fc.shuffledSubarray(items, { minLength: count, maxLength: count }), {
          seed,
          numRuns: 1,
        })[0]!;

  const always: HostileRequest[] = op.params.flatMap(({ name }) => [
    withParam(name, '%00'),
    withParam(name, 'x'.repeat(10_000)),
    withParam(name, '00000000-0000-4000-8000-00000000dead'),
  ]);
  // Numbers past what a 32-bit column or a JS integer holds, wherever the request takes one.
  const numericParams = [...op.params, ...op.query].filter((p) =>
    /integer|number/.test(String(p.schema.type)),
  );
  for (const { name } of pick(numericParams, 2))
    always.push(op.params.some((p) => p.name === name) ? withParam(name, '1e20') : withQuery(name, '1e20'));
  for (const { name } of pick(op.query, 1)) always.push(withQuery(name, '%00'));
  if (op.method !== 'GET') {
    for (const path of pick(numbers, 2))
      always.push(json(`body /${path.join('/')} = 1e20`, withValueAt(base.body, path, 1e20)));
    for (const path of pick(strings, 4))
      always.push(
        json(`body /${path.join('/')} with NUL`, withValueAt(base.body, path, `${at(path)}\u0000`)),
      );
    for (const path of pick(strings, 1))
      always.push(
        json(`body /${path.join('/')} with half a surrogate pair`, withValueAt(base.body, path, '\ud800')),
      );
    for (const path of pick(objects, 1)) {
      const target = at(path) as object;
      always.push(
        json(
          `body /${path.join('/')} with a NUL key`,
          withValueAt(base.body, path, { ...target, 'k\u0000': 1 }),
        ),
      );
      always.push(
        json(
          `body /${path.join('/')} gets __proto__`,
          withValueAt(base.body, path, { ...target, __fuzz_proto__: { admin: true } }),
        ),
      );
    }
    always.push(raw('10,000 levels deep', deep(10_000)));
  }

  const cases: fc.Arbitrary<HostileRequest>[] = [];
  if (op.params.length)
    cases.push(
      fc
        .tuple(
          fc.constantFrom(...op.params.map((p) => p.name)),
          fc.oneof(fc.constantFrom(...hostileParams), fc.uuid({ version: 4 })),
        )
        .map(([name, value]) => withParam(name, value)),
    );
  if (op.query.length)
    cases.push(
      fc
        .tuple(fc.constantFrom(...op.query.map((p) => p.name)), fc.constantFrom(...hostileQueryValues))
        .map(([name, value]) => withQuery(name, value)),
    );
  if (op.method !== 'GET') {
    cases.push(
      fc
        .tuple(fc.constantFrom(...positions), hostileValue)
        .map(([path, value]) =>
          json(`body /${path.join('/')} = ${describe(value)}`, withValueAt(base.body, path, value)),
        ),
      fc.constantFrom(...wholeBodies).map(([label, payload]) => raw(label, payload)),
      fc
        .constantFrom(...contentTypes)
        .map(([label, contentType, payload]) => raw(label, payload, contentType)),
    );
    if (objects.length)
      cases.push(
        fc.constantFrom(...objects).map((path) =>
          json(
            `body /${path.join('/')} gets constructor.prototype`,
            withValueAt(base.body, path, {
              ...(at(path) as object),
              constructor: { prototype: { admin: true } },
            }),
          ),
        ),
      );
    if (op.multipart)
      cases.push(
        fc
          .constantFrom(...multipartBodies)
          .map(([label, payload]) => raw(label, payload, 'multipart/form-data; boundary=fz')),
      );
  }
  const more = cases.length ? fc.sample(fc.oneof(...cases), { seed, numRuns: sampled }) : [];
  return [...always, ...more];
}

const describe = (value: unknown): string => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 30)}… (${text.length} chars)` : text;
};

/** A stable seed per operation, so a failure names a case that reproduces. */
export const seedOf = (op: Operation): number =>
  [...`${op.method} ${op.path}`].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) | 0, 7);
