import type { FormBody } from '@opora/runtime/definitions';
import { describe, expect, it } from 'vitest';
import { createDesignerStore } from './designer-store';
import { removeElement } from './layout-ops';

const body: FormBody = {
  schemaVersion: 1,
  entity: 'request',
  purpose: 'create',
  layout: [{ id: 'subject', type: 'field', field: 'subject' }],
};

describe('designer store', () => {
  it('undoes and redoes changes, reporting each body to the draft', () => {
    const reported: FormBody[] = [];
    const store = createDesignerStore(body, (b) => reported.push(b));
    store.change((b) => ({ ...b, layout: removeElement(b.layout, 'subject') }), null);
    expect(store.get().body.layout).toEqual([]);
    store.select('gone');
    store.undo();
    expect(store.get().body).toEqual(body);
    // Undo leaves the selection as it is.
    expect(store.get().selected).toBe('gone');
    store.redo();
    expect(store.get().body.layout).toEqual([]);
    expect(reported.map((b) => b.layout.length)).toEqual([0, 1, 0]);
  });

  it('forgets the redo branch after a new change and ignores no-op changes', () => {
    const store = createDesignerStore(body, () => undefined);
    store.change((b) => ({ ...b, title: { ru: 'А' } }));
    store.undo();
    store.change((b) => ({ ...b, title: { ru: 'Б' } }));
    store.redo();
    expect(store.get().body.title).toEqual({ ru: 'Б' });
    const before = store.get();
    store.change((b) => b);
    expect(store.get()).toBe(before);
  });
});
