import { useEffect, useRef } from 'react';
import type { TreeActions } from './tree-actions';
import { findNode, parentOf } from './tree-ops';
import type { TreeStore } from './tree-store';

const typing = (target: EventTarget | null) => {
  const el = target as HTMLElement | null;
  return !!el && (['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName) || el.isContentEditable);
};

/**
 * The designer's keys, when no field has the focus and no dialog is open: Ctrl+Z / Ctrl+Shift+Z (Ctrl+Y) undo
 * and redo; arrows walk the tree (↑ parent, ↓ first choice, ←/→ neighbours); Alt+arrows reorder; Insert adds a
 * choice, Enter a sibling; Delete asks to delete.
 */
export function useTreeKeys(store: TreeStore, actions: TreeActions): void {
  const latest = useRef(actions);
  latest.current = actions;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || typing(event.target) || document.querySelector('dialog[open]')) return;
      const act = latest.current;
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (mod && key === 'z') {
        event.preventDefault();
        if (event.shiftKey) store.redo();
        else store.undo();
        return;
      }
      if (mod && key === 'y') {
        event.preventDefault();
        store.redo();
        return;
      }
      const { body, selected } = store.get();
      if (!selected || mod) return;
      const parent = parentOf(body, selected);
      const siblings = parent?.children ?? [];
      const at = siblings.indexOf(selected);
      const go = (id: string | undefined) => {
        if (!id) return;
        event.preventDefault();
        act.focus(id);
      };
      if (event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowLeft')) {
        event.preventDefault();
        act.moveBy(selected, -1);
      } else if (event.altKey && (event.key === 'ArrowDown' || event.key === 'ArrowRight')) {
        event.preventDefault();
        act.moveBy(selected, 1);
      } else if (event.altKey) return;
      else if (event.key === 'ArrowUp') go(parent?.id);
      else if (event.key === 'ArrowDown') go(findNode(body, selected)?.children?.[0]);
      else if (event.key === 'ArrowLeft') go(siblings[at - 1]);
      else if (event.key === 'ArrowRight') go(siblings[at + 1]);
      else if (event.key === 'Delete' || event.key === 'Backspace') {
        event.preventDefault();
        act.requestRemove(selected);
      } else if (event.key === 'Insert') {
        event.preventDefault();
        act.addChild(selected);
      } else if (event.key === 'Enter' && !['BUTTON', 'A'].includes((event.target as HTMLElement).tagName)) {
        event.preventDefault();
        act.addSibling(selected);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}
