import { useState } from 'react';
import { type SlashCommand, slashCommandAt } from './slash-command';
import { useTemplateSearch } from './use-template-search';

/**
 * When the template picker is open and what it searches for: the `/word` at the caret (until Esc dismisses that
 * word), or the picker's own search box after the button opened it.
 */
export function useTemplatePicker(text: string, caret: number, line: string | null, uiLocale: 'ru' | 'en') {
  const [byButton, setByButton] = useState<{ query: string; at: number } | null>(null);
  const [dismissed, setDismissed] = useState<number | null>(null);
  const [active, setActive] = useState(0);
  const [locale, setLocale] = useState<'ru' | 'en'>(uiLocale);
  const typed = slashCommandAt(text, caret);
  const slash: SlashCommand | null = typed && typed.start !== dismissed && !byButton ? typed : null;
  const open = byButton !== null || slash !== null;
  const query = byButton ? byButton.query : (slash?.query ?? '');
  const search = useTemplateSearch(open, query, line, locale);
  if (typed === null && dismissed !== null) setDismissed(null);
  const [lastQuery, setLastQuery] = useState(query);
  if (lastQuery !== query) {
    // A new query starts at its best match.
    setLastQuery(query);
    setActive(0);
  }
  return {
    open,
    slash,
    byButton,
    query,
    search,
    active: Math.min(active, Math.max(search.items.length - 1, 0)),
    setActive,
    locale,
    setLocale,
    openWithButton: (at: number) => setByButton({ query: '', at }),
    setButtonQuery: (query: string) => setByButton((b) => (b ? { ...b, query } : b)),
    close: () => {
      setByButton(null);
      if (slash) setDismissed(slash.start);
    },
    /** The range a picked template replaces: the `/word`, or the caret where the button was pressed. */
    rangeFor: (): [number, number] =>
      slash ? [slash.start, slash.end] : [byButton?.at ?? caret, byButton?.at ?? caret],
    reset: () => {
      setByButton(null);
      setDismissed(null);
    },
  };
}
