import { Type } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { compile } from './ajv.js';
import { fullReportValues, hasMoreValuesThan } from './bounded-validator.js';

const Closed = Type.Object({ name: Type.String() }, { additionalProperties: false });
const withUnknownKeys = (count: number) => ({
  name: 'x',
  ...Object.fromEntries(Array.from({ length: count }, (_, i) => [`k${i}`, i])),
});

describe('boundedValidator', () => {
  it('lists every error of an ordinary document', () => {
    const validate = compile(Closed);
    expect(validate(withUnknownKeys(500))).toBe(false);
    expect(validate.errors).toHaveLength(500);
    expect(validate({ name: 'x' })).toBe(true);
    expect(validate.errors).toBeNull();
  });

  it('stops at the first error of a huge document, so refusing it costs what accepting would', () => {
    const validate = compile(Closed);
    expect(validate(withUnknownKeys(50_000))).toBe(false);
    expect(validate.errors).toHaveLength(1);
    expect(validate.errors![0]).toMatchObject({ keyword: 'additionalProperties' });
    // A huge valid document is still valid.
    expect(compile(Type.Array(Type.Integer()))(Array.from({ length: 50_000 }, (_, i) => i))).toBe(true);
  });

  it('counts values without walking past the limit', () => {
    // The root, a, its three items, and b.
    expect(hasMoreValuesThan({ a: [1, 2, { b: 3 }] }, 6)).toBe(false);
    expect(hasMoreValuesThan({ a: [1, 2, { b: 3 }] }, 5)).toBe(true);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(hasMoreValuesThan(cyclic, fullReportValues)).toBe(true);
  });
});
