import { useTranslation } from 'react-i18next';

/** Previous/next through a paged list, with where we are ("21–40 из 53"). */
export function Pager({
  total,
  offset,
  limit,
  onOffset,
}: {
  total: number;
  offset: number;
  limit: number;
  onOffset(offset: number): void;
}) {
  const { t } = useTranslation();
  if (total <= limit && offset === 0) return null;
  return (
    <nav className="pager" aria-label={t('work.pager.label')}>
      <button
        type="button"
        className="btn"
        disabled={offset === 0}
        onClick={() => onOffset(Math.max(0, offset - limit))}
      >
        ← {t('work.pager.previous')}
      </button>
      <span className="muted" data-testid="pager-range">
        {t('work.pager.range', {
          from: Math.min(offset + 1, total),
          to: Math.min(offset + limit, total),
          total,
        })}
      </span>
      <button
        type="button"
        className="btn"
        disabled={offset + limit >= total}
        onClick={() => onOffset(offset + limit)}
      >
        {t('work.pager.next')} →
      </button>
    </nav>
  );
}
