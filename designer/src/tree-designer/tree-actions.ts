import type { TreeBody, TreeNode } from '@opora/runtime/definitions';
import { createContext } from 'react';
import { nodeIdFromTitle } from './node-id';
import { addChild, addSibling, moveBy } from './tree-ops';
import type { TreeStore } from './tree-store';

/** What cards and panels may ask the designer to do, without holding the store themselves. */
export interface TreeActions {
  addChild(parentId: string): void;
  addSibling(id: string): void;
  moveBy(id: string, delta: -1 | 1): void;
  /** Asks before deleting (the dialog says how many nodes go). */
  requestRemove(id: string): void;
  /** Selects a node and brings it into view. */
  focus(id: string): void;
  /** Folds or unfolds a question's choices on the canvas (a view setting, not an edit). */
  toggleFold(id: string): void;
}

export const TreeActionsContext = createContext<TreeActions | null>(null);

/**
 * A new node starts as a question without choices: the live check then asks what it leads to. Only the Russian
 * title is set (the schema needs one); an English placeholder would outlive the renaming and reach the portal.
 */
const newTitle = 'Новый вариант';

export function newNode(id: string): TreeNode {
  return { id, title: { ru: newTitle } };
}

/** Its id is made from the placeholder title, and follows the real one while the node is unpublished. */
const freshNode = (body: TreeBody): TreeNode => newNode(nodeIdFromTitle(body, newTitle));

/** The structural edits that need no confirmation, each one undo step, the new node selected. */
export function structuralActions(store: TreeStore) {
  return {
    addChild(parentId: string): string | null {
      const node = freshNode(store.get().body);
      const before = store.get().body;
      store.change((b) => addChild(b, parentId, node), node.id);
      return store.get().body === before ? null : node.id;
    },
    addSibling(id: string): string | null {
      const node = freshNode(store.get().body);
      const before = store.get().body;
      store.change((b) => addSibling(b, id, node), node.id);
      return store.get().body === before ? null : node.id;
    },
    moveBy(id: string, delta: -1 | 1): void {
      store.change((b) => moveBy(b, id, delta));
    },
  };
}
