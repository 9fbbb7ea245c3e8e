import { describe, expect, it } from 'vitest';
import { EditHistory } from './edit-history';
import { applyAll, invert } from './operations';

type Doc = { items: { id: string; n: number }[]; title?: string };
const start = (): Doc => ({ items: [{ id: 'a', n: 1 }], title: 'Заголовок' });
const page = (body: Doc, onBody: (b: Doc) => void = () => undefined) =>
  new EditHistory(body, onBody, { selectUnchanged: true });

describe('the designers’ edit history', () => {
  it('undoes and redoes changes, reporting each body', () => {
    const reported: Doc[] = [];
    const store = page(start(), (b) => reported.push(b));
    store.change((d) => ({ ...d, items: [...d.items, { id: 'b', n: 2 }] }), 'b');
    store.change((d) => ({ ...d, title: 'Новый' }));
    expect(store.get()).toMatchObject({ body: { title: 'Новый' }, selected: 'b' });
    store.undo();
    expect(store.get().body).toEqual({
      items: [
        { id: 'a', n: 1 },
        { id: 'b', n: 2 },
      ],
      title: 'Заголовок',
    });
    store.undo();
    expect(store.get().body).toEqual(start());
    store.redo();
    store.redo();
    expect(store.get().body).toEqual({
      items: [
        { id: 'a', n: 1 },
        { id: 'b', n: 2 },
      ],
      title: 'Новый',
    });
    expect(reported.map((b) => b.items.length)).toEqual([2, 2, 2, 1, 2, 2]);
  });

  it('keeps each step as operations, plain JSON that undoes and redoes without the designer’s code', () => {
    const store = page(start());
    store.change((d) => ({ ...d, items: [{ id: 'b', n: 2 }, ...d.items] }));
    store.change((d) => ({ items: d.items.map((i) => (i.id === 'a' ? { ...i, n: 5 } : i)) }));
    const steps = JSON.parse(JSON.stringify(store.get().past)) as ReturnType<typeof store.get>['past'];
    expect(steps).toEqual([
      {
        operations: [{ op: 'insert', path: ['items', 0], value: { id: 'b', n: 2 } }],
        selectedBefore: null,
        selectedAfter: null,
      },
      {
        operations: [
          { op: 'remove', path: ['title'], value: 'Заголовок' },
          { op: 'set', path: ['items', 1, 'n'], value: 5, previous: 1 },
        ],
        selectedBefore: null,
        selectedAfter: null,
      },
    ]);
    const operations = steps.flatMap((s) => s.operations);
    expect(applyAll(start(), operations)).toEqual(store.get().body);
    expect(applyAll(store.get().body, invert(operations))).toEqual(start());
  });

  it('brings back the selection of the step it returns to', () => {
    const store = page(start());
    store.select('a');
    store.change((d) => ({ ...d, items: [] }), null);
    store.undo();
    expect(store.get()).toMatchObject({ body: start(), selected: 'a' });
    store.redo();
    expect(store.get()).toMatchObject({ body: { items: [] }, selected: null });
  });

  it('records no step for an edit that changes nothing, but still selects when asked to', () => {
    const store = page(start());
    store.change((d) => d, 'x');
    store.change((d) => ({ ...d, items: [...d.items] }), 'y');
    expect(store.get().past).toHaveLength(0);
    expect(store.get().selected).toBe('y');
    const strict = new EditHistory(start(), () => undefined);
    const before = strict.get();
    strict.change((d) => d, 'x');
    expect(strict.get()).toBe(before);
  });

  it('merges changes of one group into one step holding one write per place', () => {
    const store = new EditHistory(start(), () => undefined);
    for (const title of ['Н', 'Но', 'Нов']) store.change((d) => ({ ...d, title }), undefined, 'title');
    expect(store.get().past).toEqual([
      {
        operations: [{ op: 'set', path: ['title'], value: 'Нов', previous: 'Заголовок' }],
        selectedBefore: null,
        selectedAfter: null,
      },
    ]);
    store.select('a');
    store.change((d) => ({ ...d, title: 'Новый' }), undefined, 'title');
    expect(store.get().past).toHaveLength(2);
    store.undo();
    store.undo();
    expect(store.get().body).toEqual(start());
  });

  it('lets a designer decide what stays selected after undo, redo and a reload', () => {
    const exists = (d: Doc, id: string | null) => (id && d.items.some((i) => i.id === id) ? id : null);
    const store = new EditHistory(start(), () => undefined, {
      onTravel: (d, current) => exists(d, current),
      onReset: exists,
    });
    store.change((d) => ({ ...d, items: [...d.items, { id: 'b', n: 2 }] }), 'b');
    store.undo();
    expect(store.get().selected).toBeNull();
    store.select('a');
    store.reset({ items: [{ id: 'a', n: 9 }] });
    expect(store.get()).toMatchObject({ selected: 'a', past: [], future: [] });
  });

  it('forgets the redo steps after a new change and starts over on reset', () => {
    const store = page(start());
    store.change((d) => ({ ...d, title: '2' }));
    store.undo();
    store.change((d) => ({ ...d, title: '3' }));
    expect(store.get().future).toHaveLength(0);
    store.reset({ items: [] });
    expect(store.get()).toEqual({ body: { items: [] }, selected: null, past: [], future: [], group: null });
  });
});
