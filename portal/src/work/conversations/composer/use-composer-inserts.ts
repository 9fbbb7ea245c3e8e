import { useEffect, useRef } from 'react';
import { onComposerInsert } from './insert-store';

/** The answer box's side of `insertIntoComposer`: calls `insert` (the latest one) with text meant for this dialog. */
export function useComposerInserts(conversationId: string | null, insert: (text: string) => void): void {
  const latest = useRef(insert);
  latest.current = insert;
  useEffect(() => {
    if (!conversationId) return;
    return onComposerInsert(conversationId, (text) => latest.current(text));
  }, [conversationId]);
}
