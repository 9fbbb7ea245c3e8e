import { useTranslation } from 'react-i18next';

/** «1–25 из 240» with previous/next buttons. */
export function Pagination({
  offset,
  limit,
  total,
  onChange,
}: {
  offset: number;
  limit: number;
  total: number;
  onChange: (offset: number) => void;
}) {
  const { t } = useTranslation();
  if (total <= limit && offset === 0) return null;
  return (
    <div className="pagination">
      <span>
        {t('common.range', { from: total ? offset + 1 : 0, to: Math.min(offset + limit, total), total })}
      </span>
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
        disabled={offset + limit >= total}
        onClick={() => onChange(offset + limit)}
      >
        {t('common.next')}
      </button>
    </div>
  );
}
