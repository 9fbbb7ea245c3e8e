import type { Suggestion } from '@opora/sdk';
import { useEffect, useState } from 'react';
import { client } from '../lib/api';

const none: { items: Suggestion[]; forText: string } = { items: [], forText: '' };

export const suggestDelayMs = 150;
export const suggestMinLength = 2;

/** The text worth asking suggestions for, or null when it is too short (trimmed, capped like a search). */
export function suggestQuery(text: string): string | null {
  const q = text.trim().slice(0, 200);
  return [...q].length >= suggestMinLength ? q : null;
}

/**
 * Suggestions for what is being typed: asked ~150 ms after the last keystroke; an answer to older text is dropped,
 * and a failure just shows none (the visitor can still press Enter to search).
 */
export function useSuggestions(text: string, enabled: boolean): { items: Suggestion[]; forText: string } {
  const [state, setState] = useState(none);
  const q = enabled ? suggestQuery(text) : null;
  useEffect(() => {
    if (q === null) {
      setState(none);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      client.kb.suggest(q).then(
        ({ items }) => live && setState({ items, forText: q }),
        () => live && setState({ items: [], forText: q }),
      );
    }, suggestDelayMs);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [q]);
  return q === null ? none : state;
}
