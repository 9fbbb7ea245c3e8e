import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diff } from './diff';
import { applyAll, invert } from './operations';

describe('the difference an edit made, as operations', () => {
  it('names only the places that changed', () => {
    const before = {
      title: { ru: 'А', en: 'A' },
      nodes: [
        { id: 'a', x: 1 },
        { id: 'b', x: 2 },
      ],
    };
    const after = { ...before, nodes: [before.nodes[0], { id: 'b', x: 3, note: 'n' }] };
    expect(diff(before, after)).toEqual([
      { op: 'set', path: ['nodes', 1, 'x'], value: 3, previous: 2 },
      { op: 'insert', path: ['nodes', 1, 'note'], value: 'n' },
    ]);
  });

  it('treats a key set to undefined as absent, as JSON does', () => {
    expect(diff({ a: 1, b: 2 }, { a: 1, b: undefined })).toEqual([{ op: 'remove', path: ['b'], value: 2 }]);
    expect(diff({ a: 1, b: undefined }, { a: 1 })).toEqual([]);
  });

  it('turns a dragged item into one move, whatever the list', () => {
    const ids = (list: string[]) => list.map((id) => ({ id, title: id.toUpperCase() }));
    expect(diff(ids(['a', 'b', 'c', 'd']), ids(['b', 'c', 'd', 'a']))).toEqual([
      { op: 'move', from: [0], path: [3] },
    ]);
    expect(diff(['a', 'b', 'c', 'd'], ['d', 'a', 'b', 'c'])).toEqual([{ op: 'move', from: [3], path: [0] }]);
  });

  it('adds and removes items of a list by identity', () => {
    expect(diff(['a', 'b', 'c'], ['a', 'x', 'c'])).toEqual([
      { op: 'remove', path: [1], value: 'b' },
      { op: 'insert', path: [1], value: 'x' },
    ]);
  });

  it('compares lists without identities position by position', () => {
    expect(diff([1, 2, 3], [1, 5])).toEqual([
      { op: 'set', path: [1], value: 5, previous: 2 },
      { op: 'remove', path: [2], value: 3 },
    ]);
    expect(diff([{ w: 1 }], [{ w: 1 }, { w: 2 }])).toEqual([{ op: 'insert', path: [1], value: { w: 2 } }]);
  });
});

/** JSON bodies with lists of items that have ids (the designers' rows, nodes, widgets) and lists of names. */
const id = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f');
const item = fc.record({ id, v: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constantFrom('x', 'y')) });
const body = fc
  .letrec((tie) => ({
    node: fc.oneof(
      { depthSize: 'small' },
      fc.jsonValue({ maxDepth: 2 }),
      fc.uniqueArray(item, { selector: (i) => i.id, maxLength: 6 }),
      fc.uniqueArray(id, { maxLength: 6 }),
      fc.dictionary(fc.constantFrom('k', 'l', 'm', 'id'), tie('node'), { maxKeys: 4 }),
      fc.array(tie('node'), { maxLength: 3 }),
    ),
  }))
  .node.map((v) => JSON.parse(JSON.stringify(v)) as unknown);

describe('the difference between any two bodies', () => {
  it('applied to the first gives the second, and its inverse gives the first back, also after a trip through JSON', () => {
    fc.assert(
      fc.property(body, body, (before, after) => {
        const operations = diff(before, after);
        const wire = JSON.parse(JSON.stringify(operations));
        expect(applyAll(before, wire)).toEqual(after);
        expect(applyAll(after, invert(wire))).toEqual(before);
      }),
      { numRuns: 500 },
    );
  });

  it('moves each reordered item at most once', () => {
    fc.assert(
      fc.property(fc.uniqueArray(id, { minLength: 1 }), fc.nat(), fc.nat(), (list, from, to) => {
        const moved: string[] = [...list];
        const [taken] = moved.splice(from % list.length, 1);
        moved.splice(to % list.length, 0, taken as string);
        expect(diff(list, moved).length).toBeLessThanOrEqual(1);
      }),
    );
  });
});
