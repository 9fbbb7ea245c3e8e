import type { ArticleSuggestions } from '@opora/sdk';
import { useEffect, useState } from 'react';
import { client } from '../../../lib/api';
import { useAsync } from '../../../lib/use-async';

/** The value after it stopped changing for `ms`: a search runs once typing pauses, not per key. */
export function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * Articles for the dialog: for what the operator typed, else for the client's last messages, read again whenever
 * `freshness` changes (a new client message). A fresh answer replaces the list without flashing «loading».
 */
export function useArticleSuggestions(conversationId: string, typed: string, freshness: string) {
  const q = useSettled(typed.trim(), 300);
  return useAsync<ArticleSuggestions>(
    () => client.conversations.suggestions(conversationId, q || undefined),
    [conversationId, q, q ? '' : freshness],
  );
}
