import { useCallback, useState } from 'react';

/** What the operator has typed but not sent, per dialog: switching tabs and back finds it where it was left. */
const drafts = new Map<string, string>();
/** A draft is bounded like an answer; the map by the open tabs (drafts of closed tabs are dropped). */
const maxDraft = 20_000;
/** Dialogs whose composer is set to an internal note: coming back to one must not turn the note into an answer. */
const notes = new Set<string>();

export function draftOf(id: string | null): string {
  return id ? (drafts.get(id) ?? '') : '';
}

export function keepDraft(id: string, text: string): void {
  if (text) drafts.set(id, text.slice(0, maxDraft));
  else drafts.delete(id);
}

export function dropDraft(id: string): void {
  drafts.delete(id);
  notes.delete(id);
}

export function isNoteMode(id: string | null): boolean {
  return id !== null && notes.has(id);
}

export function keepNoteMode(id: string, on: boolean): void {
  if (on) notes.add(id);
  else notes.delete(id);
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

/** The composer's «Внутренняя заметка» toggle, kept per dialog like its text. */
export function useNoteMode(id: string | null): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(() => isNoteMode(id));
  const set = useCallback(
    (next: boolean) => {
      setOn(next);
      if (id) keepNoteMode(id, next);
    },
    [id],
  );
  return [on, set];
}
