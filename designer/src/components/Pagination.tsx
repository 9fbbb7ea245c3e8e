import { useTranslation } from 'react-i18next';

/** «1–25 из 240» with previous/next buttons; «из более 10 000» where the server stopped counting. */
export function Pagination({
  offset,
  limit,
  total,
  capped = false,
  onChange,
}: {
  offset: number;
  limit: number;
  total: number;
  /** More match than `total` (the server counts only up to 10,000). */
  capped?: boolean;
  onChange: (offset: number) => void;
}) {
  const { t, i18n } = useTranslation();
  if (total <= limit && offset === 0) return null;
  const totalText = capped
    ? t('common.moreThan', { number: new Intl.NumberFormat(i18n.language).format(total) })
    : total;
  const last = capped ? offset + limit : Math.min(offset + limit, total);
  return (
    <div className="pagination">
      <span>{t('common.range', { from: total ? offset + 1 : 0, to: last, total: totalText })}</span>
      <button
        type="button"
        className="btn"
        disabled={offset === 0}
        onClick={() => onChange(Math.max(0, offset - limit))}
      >
        {t('common.previous')}
      </button>
      <button
        type="button"
        className="btn"
        disabled={!capped && offset + limit >= total}
        onClick={() => onChange(offset + limit)}
      >
        {t('common.next')}
      </button>
    </div>
  );
}
