import type { AnswerTemplate } from '@opora/sdk';
import { useEffect, useState } from 'react';
import { client } from '../../../lib/api';

export interface TemplateSearch {
  items: AnswerTemplate[];
  loading: boolean;
  failed: boolean;
}

const pause = 120;

/**
 * The templates matching what the operator typed, for the dialog's line; asked a moment after typing stops, and an
 * answer to an older query never replaces a newer one's.
 */
export function useTemplateSearch(open: boolean, query: string, line: string | null, locale: 'ru' | 'en') {
  const [state, setState] = useState<TemplateSearch>({ items: [], loading: false, failed: false });
  useEffect(() => {
    if (!open) return;
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    const timer = setTimeout(() => {
      client.answerTemplates
        .search({ q: query.slice(0, 100) || undefined, line: line ?? undefined, locale, limit: 20 })
        .then(
          ({ items }) => live && setState({ items, loading: false, failed: false }),
          () => live && setState({ items: [], loading: false, failed: true }),
        );
    }, pause);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [open, query, line, locale]);
  return state;
}
