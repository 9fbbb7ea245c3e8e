import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonSyntaxFault } from './json-syntax.js';

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

describe('jsonSyntaxFault', () => {
  it('agrees with JSON.parse on what is JSON', () => {
    fc.assert(
      fc.property(jsonish, (text) => {
        expect(jsonSyntaxFault(text, 1000) === null).toBe(parses(text));
      }),
      { seed: 11, numRuns: 2000 },
    );
  });

  it('says where and why', () => {
    expect(jsonSyntaxFault('{"a":1,}', 64)).toEqual({ at: 7, problem: 'unexpected' });
    expect(jsonSyntaxFault('[1,2', 64)).toEqual({ at: 4, problem: 'end' });
    expect(jsonSyntaxFault('', 64)).toEqual({ at: 0, problem: 'end' });
    expect(jsonSyntaxFault('{"a":"\\x"}', 64)).toEqual({ at: 6, problem: 'escape' });
    expect(jsonSyntaxFault('{"a":"\t"}', 64)).toEqual({ at: 6, problem: 'control' });
    expect(jsonSyntaxFault('{"a":01}', 64)).toEqual({ at: 6, problem: 'unexpected' });
    expect(jsonSyntaxFault('{"a":-}', 64)).toEqual({ at: 6, problem: 'number' });
    expect(jsonSyntaxFault('{"a":1} x', 64)).toEqual({ at: 8, problem: 'unexpected' });
  });

  it('refuses nesting past the limit at the bracket that crosses it, without recursing', () => {
    expect(jsonSyntaxFault('[[[]]]', 3)).toBeNull();
    expect(jsonSyntaxFault('[[[[]]]]', 3)).toEqual({ at: 3, problem: 'too_deep' });
    const deep = '{"a":'.repeat(1_000_000);
    expect(jsonSyntaxFault(deep, 64)).toEqual({ at: 64 * 5, problem: 'too_deep' });
    expect(jsonSyntaxFault(`${'['.repeat(100_000)}${']'.repeat(100_000)}`, 200_000)).toBeNull();
  });
});
