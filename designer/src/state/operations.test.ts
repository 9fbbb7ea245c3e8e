import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  apply,
  applyAll,
  concatOperations,
  inverse,
  invert,
  type Operation,
  OperationError,
  type Path,
  valueAt,
} from './operations';

const doc = {
  title: { ru: 'Помощник' },
  nodes: [{ id: 'a', children: ['b', 'c'] }, { id: 'b', leaf: { type: 'answer' } }, { id: 'c' }],
};
const wire = (operation: Operation): Operation => JSON.parse(JSON.stringify(operation));

describe('designer operations', () => {
  const cases: [string, Operation][] = [
    ['set a value', { op: 'set', path: ['title', 'ru'], value: 'Бот', previous: 'Помощник' }],
    ['set the whole body', { op: 'set', path: [], value: { empty: true }, previous: doc }],
    ['insert into an array', { op: 'insert', path: ['nodes', 1], value: { id: 'n' } }],
    ['insert at the end of an array', { op: 'insert', path: ['nodes', 0, 'children', 2], value: 'n' }],
    ['insert a key', { op: 'insert', path: ['nodes', 2, 'leaf'], value: { type: 'contact' } }],
    ['remove an array item', { op: 'remove', path: ['nodes', 0, 'children', 0], value: 'b' }],
    ['remove a key', { op: 'remove', path: ['nodes', 1, 'leaf'], value: { type: 'answer' } }],
    ['move within an array', { op: 'move', from: ['nodes', 0], path: ['nodes', 2] }],
    ['move between arrays', { op: 'move', from: ['nodes', 0, 'children', 1], path: ['nodes', 2, 'x'] }],
  ];

  it.each(cases)('%s, and back with its inverse', (_, operation) => {
    const changed = apply(doc, operation);
    expect(changed).not.toEqual(doc);
    expect(apply(changed, inverse(operation))).toEqual(doc);
    // As it would arrive from another editor: plain JSON applies the same.
    expect(apply(doc, wire(operation))).toEqual(changed);
    expect(apply(changed, wire(inverse(operation)))).toEqual(doc);
  });

  it('changes nothing in place and keeps every untouched part by identity', () => {
    const frozen = structuredClone(doc);
    const changed = apply(doc, {
      op: 'set',
      path: ['nodes', 1, 'leaf', 'type'],
      value: 'article',
      previous: 'answer',
    });
    expect(doc).toEqual(frozen);
    expect(changed.title).toBe(doc.title);
    expect(changed.nodes[0]).toBe(doc.nodes[0]);
    expect(changed.nodes[1]).not.toBe(doc.nodes[1]);
  });

  it('undoes a list of operations in reverse order', () => {
    const operations: Operation[] = [
      { op: 'insert', path: ['nodes', 3], value: { id: 'd' } },
      { op: 'insert', path: ['nodes', 0, 'children', 2], value: 'd' },
      { op: 'move', from: ['nodes', 3], path: ['nodes', 0] },
      { op: 'set', path: ['nodes', 0, 'id'], value: 'e', previous: 'd' },
    ];
    const changed = applyAll(doc, operations);
    expect(changed.nodes.map((n) => n.id)).toEqual(['e', 'a', 'b', 'c']);
    expect(applyAll(changed, invert(operations))).toEqual(doc);
  });

  it('refuses operations that do not fit the body, and never follows inherited keys', () => {
    const refused: Operation[] = [
      { op: 'set', path: ['nodes', 9], value: 1, previous: null },
      { op: 'set', path: ['missing'], value: 1, previous: null },
      { op: 'insert', path: ['nodes', 4], value: {} },
      { op: 'insert', path: ['title', 'ru'], value: 'x' },
      { op: 'insert', path: ['nodes', 'x'], value: {} },
      { op: 'remove', path: ['nodes', -1], value: null },
      { op: 'remove', path: [], value: doc },
      { op: 'move', from: ['nodes', 2], path: ['nodes', 2, 'children', 0] },
      { op: 'set', path: ['__proto__', 'polluted'], value: true, previous: null },
      { op: 'set', path: ['title', 'constructor', 'name'], value: 'x', previous: null },
    ];
    for (const operation of refused) expect(() => apply(doc, operation)).toThrow(OperationError);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('keeps a key named __proto__ as data', () => {
    const changed = apply({}, { op: 'insert', path: ['__proto__'], value: { polluted: true } });
    expect(Object.hasOwn(changed, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

/** JSON as it travels: -0 becomes 0, and so on. */
const json = fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.parse(JSON.stringify(v)) as unknown);

/** Every place in a value, the body itself included. */
function places(value: unknown, path: Path = []): Path[] {
  if (typeof value !== 'object' || value === null) return [path];
  const inner = Array.isArray(value)
    ? value.flatMap((item, i) => places(item, [...path, i]))
    : Object.entries(value).flatMap(([k, v]) => places(v, [...path, k]));
  return [path, ...inner];
}
const containers = (value: unknown) =>
  places(value).filter((p) => {
    const v = valueAt(value, p);
    return typeof v === 'object' && v !== null;
  });

/** A new place inside the container at `at`: a position in an array, a key not yet there in an object. */
function newPlace(doc: unknown, at: Path, pick: number, key: string): Path {
  const container = valueAt(doc, at) as unknown[] | Record<string, unknown>;
  if (Array.isArray(container)) return [...at, pick % (container.length + 1)];
  let fresh = key;
  while (Object.hasOwn(container, fresh)) fresh += '_';
  return [...at, fresh];
}

const pick = <T>(items: readonly T[], n: number): T | undefined => items[n % Math.max(items.length, 1)];

/** A document and one operation of the given kind that fits it. */
function anOperation(kind: Operation['op']) {
  return fc
    .tuple(json, json, fc.nat(), fc.nat(), fc.nat(), fc.string({ maxLength: 4 }))
    .map(([doc, value, a, b, c, key]): [unknown, Operation] | null => {
      const existing = places(doc);
      const inner = existing.filter((p) => p.length > 0);
      if (kind === 'set') {
        const path = pick(existing, a) as Path;
        return [doc, { op: 'set', path, value, previous: valueAt(doc, path) }];
      }
      if (kind === 'remove') {
        const path = pick(inner, a);
        return path ? [doc, { op: 'remove', path, value: valueAt(doc, path) }] : null;
      }
      if (kind === 'insert') {
        const at = pick(containers(doc), a);
        return at ? [doc, { op: 'insert', path: newPlace(doc, at, b, key), value }] : null;
      }
      const from = pick(inner, a);
      if (!from) return null;
      const without = apply(doc, { op: 'remove', path: from, value: valueAt(doc, from) });
      const at = pick(containers(without), b);
      return at ? [doc, { op: 'move', from, path: newPlace(without, at, c, key) }] : null;
    })
    .filter((generated): generated is [unknown, Operation] => generated !== null);
}

describe('every operation kind, on any JSON body', () => {
  it.each(['set', 'insert', 'remove', 'move'] as const)(
    '%s: applying it and then its inverse gives the body back',
    (kind) => {
      fc.assert(
        fc.property(anOperation(kind), ([doc, operation]) => {
          const original = structuredClone(doc);
          const changed = apply(doc, operation);
          expect(apply(changed, inverse(operation))).toEqual(original);
          expect(apply(doc, wire(operation))).toEqual(changed);
          expect(doc).toEqual(original);
        }),
      );
    },
  );
});

describe('joining the operations of one undo step', () => {
  it('keeps a value written again and again as one write, with the value it replaced first', () => {
    const typed = ['О', 'Оп', 'Опл'].reduce<Operation[]>(
      (list, value, i) =>
        concatOperations(list, [{ op: 'set', path: ['title', 'ru'], value, previous: i ? 'x' : 'Помощник' }]),
      [],
    );
    expect(typed).toEqual([{ op: 'set', path: ['title', 'ru'], value: 'Опл', previous: 'Помощник' }]);
    const added = concatOperations(
      [{ op: 'insert', path: ['note'], value: 'a' }],
      [{ op: 'set', path: ['note'], value: 'ab', previous: 'a' }],
    );
    expect(added).toEqual([{ op: 'insert', path: ['note'], value: 'ab' }]);
  });

  it('applies as both lists would', () => {
    const earlier: Operation[] = [{ op: 'set', path: ['title', 'ru'], value: 'А', previous: 'Помощник' }];
    const later: Operation[] = [
      { op: 'set', path: ['title', 'ru'], value: 'Б', previous: 'А' },
      { op: 'remove', path: ['nodes', 2], value: { id: 'c' } },
    ];
    const joined = concatOperations(earlier, later);
    expect(applyAll(doc, joined)).toEqual(applyAll(applyAll(doc, earlier), later));
    expect(applyAll(applyAll(doc, joined), invert(joined))).toEqual(doc);
  });
});
