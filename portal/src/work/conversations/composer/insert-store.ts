type Listener = (text: string) => void;

const listeners = new Map<string, Set<Listener>>();
/** Text sent before the dialog's composer was on screen (its tab not open yet): handed over when it mounts. */
const waiting = new Map<string, string[]>();
const maxWaiting = 10;

/**
 * Puts text into a dialog's answer box from anywhere on the page (the knowledge panel's «Вставить…»): the box
 * inserts it at the caret and takes the focus. True when a box took it, false when it waits for the box to open.
 */
export function insertIntoComposer(conversationId: string, text: string): boolean {
  const open = listeners.get(conversationId);
  if (open?.size) {
    for (const listener of open) listener(text);
    return true;
  }
  const queued = waiting.get(conversationId) ?? [];
  waiting.set(conversationId, [...queued, text].slice(-maxWaiting));
  return false;
}

/** The answer box of a dialog listens for insertions (and takes the waiting ones); returns the unsubscribe. */
export function onComposerInsert(conversationId: string, listener: Listener): () => void {
  const open = listeners.get(conversationId) ?? new Set<Listener>();
  open.add(listener);
  listeners.set(conversationId, open);
  const queued = waiting.get(conversationId);
  waiting.delete(conversationId);
  for (const text of queued ?? []) listener(text);
  return () => {
    open.delete(listener);
    if (!open.size) listeners.delete(conversationId);
  };
}

/**
 * Text with an insertion at the caret, kept apart from the words around it: a space inside a line, a blank line
 * before a block of several lines. Returns the new text and where the caret goes (after the insertion).
 */
export function withInsertion(
  text: string,
  caret: number,
  insertion: string,
): { text: string; caret: number } {
  const at = Math.max(0, Math.min(caret, text.length));
  const before = text.slice(0, at);
  const after = text.slice(at);
  const block = insertion.includes('\n');
  const lead = before === '' || /\s$/.test(before) ? '' : block ? '\n\n' : ' ';
  const trail = after === '' || /^\s/.test(after) ? '' : ' ';
  const middle = `${lead}${insertion}${trail}`;
  return { text: `${before}${middle}${after}`, caret: before.length + middle.length };
}
