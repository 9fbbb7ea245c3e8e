import { Type } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { ajv, compile, maxProblems, toProblems } from './ajv.js';

// Like the portal's walk events: a tagged union of closed objects.
const Event = Type.Union([
  Type.Object({ type: Type.Literal('choose'), node: Type.String() }, { additionalProperties: false }),
  Type.Object({ type: Type.Literal('back') }, { additionalProperties: false }),
  Type.Object({ type: Type.Literal('rate'), helpful: Type.Boolean() }, { additionalProperties: false }),
]);

const withUnknownKeys = (base: object, count: number) => {
  const body: Record<string, unknown> = { ...base };
  for (let i = 0; i < count; i++) body[`k${i}`] = i;
  return body;
};

describe('toProblems on hostile input', () => {
  it('lists the first problems of 50,000 unknown keys, with a note, having looked at each error once', () => {
    // The every-error validator itself: compiled validators would stop at the first error of a document this size.
    const validate = ajv.compile(Event);
    expect(validate(withUnknownKeys({ type: 'choose', node: 'a' }, 50_000))).toBe(false);
    // Every branch complains about every key: 150,000 errors, one union. Before, each was looked for among all
    // the others (hours of work); now the union's members are collected once.
    expect(validate.errors!.length).toBeGreaterThan(150_000);
    const problems = toProblems(validate.errors, 'ru');
    expect(problems).toHaveLength(maxProblems + 1);
    expect(problems[0]).toMatchObject({ pointer: '/k0', code: 'additionalProperties' });
    expect(problems.at(-1)).toMatchObject({ pointer: '', code: 'too_many_problems' });
    expect(problems.at(-1)!.message).toContain(`первые ${maxProblems}`);
  });

  it('boils down thousands of failing unions, each to the branch its type names', () => {
    const validate = ajv.compile(Type.Array(Event));
    const events = Array.from({ length: 20_000 }, (_, i) =>
      i % 2 ? { type: 'rate', helpful: 'yes' } : { type: 'nonsense' },
    );
    expect(validate(events)).toBe(false);
    const problems = toProblems(validate.errors, 'en');
    expect(problems.slice(0, 2)).toEqual([
      {
        pointer: '/0/type',
        message: 'must be equal to one of the allowed values: choose, back, rate',
        code: 'enum',
      },
      { pointer: '/1/helpful', message: 'must be boolean', code: 'type' },
    ]);
    expect(problems).toHaveLength(maxProblems + 1);
  });

  it('lists every problem when there are few', () => {
    const validate = compile(Event);
    expect(validate({ type: 'rate', helpful: 1, extra: true })).toBe(false);
    expect(toProblems(validate.errors, 'en').map((p) => p.pointer)).toEqual(['/extra', '/helpful']);
  });
});
