import { useTranslation } from 'react-i18next';
import { totalText } from '../../records/total-text';

/** Where a page sits and what to page to: cursors from the records API, the counted total («более 10 000» beyond). */
export interface CursorPage {
  total: number;
  totalCapped: boolean;
  nextCursor: string | null;
  prevCursor: string | null;
  /** How many records the page shows. */
  shown: number;
}

/** «← Назад · 21–40 из 53 · Вперёд →» over a list walked by cursor: the neighbours are cursors, not numbers. */
export function CursorPager({
  page,
  offset,
  onPage,
}: {
  page: CursorPage;
  /** Records before this page (only for the «21–40» range). */
  offset: number;
  onPage(move: { after: string } | { before: string }): void;
}) {
  const { t, i18n } = useTranslation();
  if (!page.prevCursor && !page.nextCursor) return null;
  // The first page starts at 1 whatever was added or removed since the address was written.
  const from = page.prevCursor ? offset : 0;
  return (
    <nav className="pager" aria-label={t('work.pager.label')}>
      <button
        type="button"
        className="btn"
        disabled={!page.prevCursor}
        onClick={() => page.prevCursor && onPage({ before: page.prevCursor })}
      >
        ← {t('work.pager.previous')}
      </button>
      <span className="muted" data-testid="pager-range">
        {t('work.pager.range', {
          from: Math.min(from + 1, from + page.shown),
          to: from + page.shown,
          total: totalText(t, i18n.language, page),
        })}
      </span>
      <button
        type="button"
        className="btn"
        disabled={!page.nextCursor}
        onClick={() => page.nextCursor && onPage({ after: page.nextCursor })}
      >
        {t('work.pager.next')} →
      </button>
    </nav>
  );
}
