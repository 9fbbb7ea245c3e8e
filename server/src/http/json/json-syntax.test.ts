import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonSyntaxFault, nestingFault } from './json-syntax.js';

const parses = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

// JSON texts and near-misses: valid documents, then cut, spliced or sprinkled with JSON's own characters.
const jsonish = fc.oneof(
  fc.json(),
  fc.tuple(fc.json(), fc.nat(), fc.nat()).map(([t, a, b]) => t.slice(Math.min(a, b) % (t.length + 1))),
  fc
    .tuple(fc.json(), fc.nat(), fc.constantFrom(...'{}[]":,\\-.eE0 tfn\u0001'.split('')))
    .map(([t, at, c]) => t.slice(0, at % (t.length + 1)) + c + t.slice(at % (t.length + 1))),
  fc.string({ unit: fc.constantFrom(...'{}[]":,\\-+.eE01u tfrualsn '.split('')), maxLength: 12 }),
);

const depthOf = (value: unknown): number =>
  value !== null && typeof value === 'object'
    ? 1 + Math.max(0, ...Object.values(value as object).map(depthOf))
    : 0;

describe('jsonSyntaxFault', () => {
  it('agrees with JSON.parse on what is JSON', () => {
    fc.assert(
      fc.property(jsonish, (text) => {
        expect(jsonSyntaxFault(text) === null).toBe(parses(text));
      }),
      { seed: 11, numRuns: 2000 },
    );
  });

  it('says where and why', () => {
    expect(jsonSyntaxFault('{"a":1,}')).toEqual({ at: 7, problem: 'unexpected' });
    expect(jsonSyntaxFault('[1,2')).toEqual({ at: 4, problem: 'end' });
    expect(jsonSyntaxFault('')).toEqual({ at: 0, problem: 'end' });
    expect(jsonSyntaxFault('{"a":"\\x"}')).toEqual({ at: 6, problem: 'escape' });
    expect(jsonSyntaxFault('{"a":"\t"}')).toEqual({ at: 6, problem: 'control' });
    expect(jsonSyntaxFault('{"a":01}')).toEqual({ at: 6, problem: 'unexpected' });
    expect(jsonSyntaxFault('{"a":-}')).toEqual({ at: 6, problem: 'number' });
    expect(jsonSyntaxFault('{"a":1} x')).toEqual({ at: 8, problem: 'unexpected' });
  });
});

describe('nestingFault', () => {
  it('finds exactly the JSON documents nested deeper than the limit', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.integer({ min: 0, max: 6 }), (value, limit) => {
        const text = JSON.stringify(value);
        expect(nestingFault(text, limit) === null).toBe(depthOf(value) <= limit);
      }),
      { seed: 12, numRuns: 2000 },
    );
  });

  it('is not fooled by brackets and escaped quotes inside strings', () => {
    expect(nestingFault(JSON.stringify({ a: '[[[[{{{{', b: 'x\\"[[[', c: '\\\\' }), 1)).toBeNull();
    expect(nestingFault('[[[]]]', 3)).toBeNull();
    expect(nestingFault('[[[[]]]]', 3)).toBe(3);
  });

  it('points at the bracket that crosses the limit, without recursing', () => {
    expect(nestingFault('{"a":'.repeat(1_000_000), 64)).toBe(64 * 5);
    expect(nestingFault(`${'['.repeat(100_000)}${']'.repeat(100_000)}`, 100_000)).toBeNull();
  });
});
