import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Full-text search (Russian morphology on the server); typing settles for a moment before the list reloads. */
export function SearchBox({ value, onSearch }: { value: string; onSearch(q: string): void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  const search = useRef(onSearch);
  search.current = onSearch;
  useEffect(() => setText(value), [value]);
  useEffect(() => {
    if (text === value) return;
    const timer = setTimeout(() => search.current(text), 300);
    return () => clearTimeout(timer);
  }, [text, value]);
  return (
    <input
      type="search"
      className="search"
      placeholder={t('work.list.search')}
      aria-label={t('work.list.search')}
      value={text}
      data-testid="list-search"
      onChange={(e) => setText(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') onSearch(text);
      }}
    />
  );
}
