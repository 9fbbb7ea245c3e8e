import { describe, expect, it } from 'vitest';
import { valueShapeProblem } from './value-shape.js';

const nested = (levels: number, leaf: unknown = 1) => {
  let value = leaf;
  for (let i = 0; i < levels; i++) value = i % 2 ? [value] : { v: value };
  return value;
};

describe('valueShapeProblem', () => {
  it('counts the root object as level one and passes scalars', () => {
    expect(valueShapeProblem(nested(3), 3)).toBeUndefined();
    expect(valueShapeProblem(nested(4), 3)).toEqual({ kind: 'depth', limit: 3 });
    expect(valueShapeProblem('text', 0)).toBeUndefined();
    expect(valueShapeProblem(null, 0)).toBeUndefined();
  });

  it('measures a value nested 200,000 levels deep without overflowing the stack', () => {
    expect(valueShapeProblem(nested(200_000), 64)).toEqual({ kind: 'depth', limit: 64 });
  });

  it('finds NUL in strings and keys only when asked', () => {
    expect(valueShapeProblem({ a: ['x\u0000'] }, 5)).toBeUndefined();
    expect(valueShapeProblem({ a: ['x\u0000'] }, 5, { refuseNul: true })).toEqual({ kind: 'nul' });
    expect(valueShapeProblem({ 'k\u0000': 1 }, 5, { refuseNul: true })).toEqual({ kind: 'nul' });
  });
});
