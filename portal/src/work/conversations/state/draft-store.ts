import { useCallback, useState } from 'react';

/** What the operator has typed but not sent, per dialog: switching tabs and back finds it where it was left. */
const drafts = new Map<string, string>();
/** A draft is bounded like an answer; the map by the open tabs (drafts of closed tabs are dropped). */
const maxDraft = 20_000;

export function draftOf(id: string | null): string {
  return id ? (drafts.get(id) ?? '') : '';
}

export function keepDraft(id: string, text: string): void {
  if (text) drafts.set(id, text.slice(0, maxDraft));
  else drafts.delete(id);
}

export function dropDraft(id: string): void {
  drafts.delete(id);
}

/** The composer's text, starting from the dialog's draft and kept in it as it changes. */
export function useDraft(id: string | null): [string, (text: string) => void] {
  const [text, setText] = useState(() => draftOf(id));
  const set = useCallback(
    (next: string) => {
      setText(next);
      if (id) keepDraft(id, next);
    },
    [id],
  );
  return [text, set];
}
