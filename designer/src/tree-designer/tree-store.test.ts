import type { TreeBody } from '@opora/runtime/definitions';
import { describe, expect, it } from 'vitest';
import { childrenOf, sampleTree } from '../../test-fixtures/sample-tree';
import { retitle } from './node-id';
import { newNode } from './tree-actions';
import { addChild, moveNode, removeSubtree, updateNode } from './tree-ops';
import { createTreeStore } from './tree-store';

describe('tree store', () => {
  it('undoes and redoes structural changes, reporting each body', () => {
    const reported: TreeBody[] = [];
    const store = createTreeStore(sampleTree(), (b) => reported.push(b));
    store.change((b) => addChild(b, 'pay', newNode('n8')), 'n8');
    store.change((b) => moveNode(b, 'n8', 'login', 0));
    store.change((b) => removeSubtree(b, 'login'), 'start');
    expect(store.get().body.nodes.map((n) => n.id)).toEqual(['start', 'pay', 'refund', 'other']);
    store.undo();
    expect(childrenOf(store.get().body, 'login')).toEqual(['n8', 'pwd', 'blocked']);
    store.undo();
    expect(childrenOf(store.get().body, 'pay')).toEqual(['refund', 'n8']);
    store.redo();
    expect(childrenOf(store.get().body, 'login')[0]).toBe('n8');
    expect(reported).toHaveLength(6);
    expect(store.get().future).toHaveLength(1);
    store.undo();
    store.undo();
    expect(store.get().body).toEqual(sampleTree());
  });

  it('records a moved choice as operations, not a copy of the tree', () => {
    const store = createTreeStore(sampleTree(), () => undefined);
    store.change((b) => moveNode(b, 'pwd', 'login', 2));
    expect(store.get().past.at(-1)?.operations).toEqual([
      { op: 'move', from: ['nodes', 1, 'children', 0], path: ['nodes', 1, 'children', 1] },
    ]);
  });

  it('merges typing in one field into one step and drops a selection that no longer exists', () => {
    const store = createTreeStore(sampleTree(), () => undefined);
    for (const title of ['О', 'Оп', 'Опл'])
      store.change((b) => updateNode(b, 'pay', { title: { ru: title } }), undefined, 'title:pay');
    expect(store.get().past).toHaveLength(1);
    store.change((b) => addChild(b, 'pay', newNode('n8')), 'n8');
    store.undo();
    expect(store.get().selected).toBeNull();
    store.undo();
    expect(store.get().body.nodes.find((n) => n.id === 'pay')?.title.ru).toBe('PAY');
    const before = store.get();
    store.change((b) => b);
    expect(store.get()).toBe(before);
  });

  it('keeps a node selected whose id followed its title, through undo and redo', () => {
    const store = createTreeStore(sampleTree(), () => undefined);
    store.change((b) => addChild(b, 'pay', newNode('novyy-variant')), 'novyy-variant');
    let id = 'novyy-variant';
    for (const title of ['В', 'Во', 'Возврат']) {
      const next = retitle(store.get().body, id, { ru: title }, true);
      store.change(() => next.body, next.id, 'title:novyy-variant');
      id = next.id;
    }
    expect(store.get().selected).toBe('vozvrat');
    expect(store.get().past).toHaveLength(2);
    store.undo();
    expect(store.get().selected).toBe('novyy-variant');
    store.redo();
    expect(store.get().selected).toBe('vozvrat');
  });
});
