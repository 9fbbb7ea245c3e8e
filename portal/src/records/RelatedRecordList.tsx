import type { RecordItem } from '@opora/sdk';
import { useTranslation } from 'react-i18next';
import { Link } from '../components/Link';
import { formatMoment } from './format-value';
import { cardPath, listPath } from './record-paths';
import { totalText } from './total-text';
import './records.css';

/**
 * Records that point at a record (a client's requests): numbered links to their cards, newest first, and a
 * link to all of them in the filtered list when there are more than shown.
 */
export function RelatedRecordList({
  entity,
  items,
  total,
  totalCapped = false,
  filter,
}: {
  entity: string;
  items: Pick<RecordItem, 'id' | 'entity' | 'number' | 'title' | 'createdAt'>[];
  total: number;
  /** Counting stopped at `total`: «более 10 000». */
  totalCapped?: boolean;
  filter: string;
}) {
  const { t, i18n } = useTranslation();
  return (
    <>
      {items.length === 0 ? (
        <p className="muted">{t('work.related.empty')}</p>
      ) : (
        <ul className="related-list">
          {items.map((record) => (
            <li key={record.id}>
              <Link to={cardPath(record.entity, record.id)}>
                <span className="num">{t('work.number', { number: record.number })}</span>{' '}
                {record.title || '—'}
              </Link>
              <span className="muted">{formatMoment(record.createdAt, i18n.language)}</span>
            </li>
          ))}
        </ul>
      )}
      {total > items.length && (
        <Link to={listPath(entity, `?${new URLSearchParams({ filter })}`)}>
          {t('work.related.all', { count: totalText(t, i18n.language, { total, totalCapped }) })}
        </Link>
      )}
    </>
  );
}
