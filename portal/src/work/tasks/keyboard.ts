/** What a key press means in the inbox list, or null when it is not the list's to handle. */
export type ListKey = 'next' | 'previous' | 'open';

const typing = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

export function listKey(event: {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  target: { tagName?: string; isContentEditable?: boolean; closest?(selector: string): unknown } | null;
}): ListKey | null {
  if (event.altKey || event.ctrlKey || event.metaKey) return null;
  const target = event.target;
  // Letters typed into a field, or keys inside a dialog or the task's own panel, are theirs.
  if (target && (typing.has(target.tagName ?? '') || target.isContentEditable)) return null;
  if (target?.closest?.('dialog, .task-panel, button, a'))
    return event.key === 'Enter' ? null : pick(event.key);
  return pick(event.key);
}

function pick(key: string): ListKey | null {
  if (key === 'j' || key === 'ArrowDown') return 'next';
  if (key === 'k' || key === 'ArrowUp') return 'previous';
  if (key === 'Enter') return 'open';
  return null;
}
