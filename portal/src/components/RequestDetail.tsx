import type { EntityBody } from '@opora/runtime/definitions';
import type { RecordItem } from '@opora/sdk';
import { useTranslation } from 'react-i18next';
import { cardPath } from '../records/record-paths';
import { useRelationTitles } from '../state/use-relation-titles';
import { enumField, label } from '../state/use-request-type';
import { Link } from './Link';
import { StatusBadge } from './StatusBadge';

/** A request's fields read-only, labelled from the published data type. */
export function RequestDetail({
  request,
  entity,
  onBack,
}: {
  request: RecordItem;
  entity: EntityBody | null;
  onBack: () => void;
}) {
  const { t, i18n } = useTranslation();
  const status = enumField(entity, 'status')?.options.find((o) => o.value === request.data.status);
  const titles = useRelationTitles(entity, request);
  const shown = (entity?.fields ?? []).filter(
    (f) =>
      f.key !== 'subject' &&
      f.key !== 'status' &&
      request.data[f.key] !== undefined &&
      request.data[f.key] !== null,
  );
  const display = (key: string, value: unknown): string => {
    if (titles[key]) return titles[key];
    const option = enumField(entity, key)?.options.find((o) => o.value === value);
    if (option) return label(option.label, i18n.language);
    if (typeof value === 'boolean') return value ? t('operator.yes') : t('operator.no');
    if (Array.isArray(value)) return t('operator.items', { count: value.length });
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value))
      return new Date(value).toLocaleString(i18n.language);
    return typeof value === 'object' ? t('operator.linked') : String(value);
  };
  return (
    <article className="detail" data-testid="request-detail">
      <button type="button" className="btn ghost back" onClick={onBack}>
        ← {t('operator.back')}
      </button>
      <p className="muted">
        {t('operator.number', { number: request.number })} ·{' '}
        {new Date(request.createdAt).toLocaleString(i18n.language)}
      </p>
      <h2>{request.title}</h2>
      {status && <StatusBadge label={label(status.label, i18n.language)} color={status.color} />}
      <p className="open-card">
        <Link to={cardPath(request.entity, request.id)} className="btn">
          {t('operator.openCard')}
        </Link>
      </p>
      <dl className="fields">
        {shown.map((field) => (
          <div key={field.key}>
            <dt>{label(field.label, i18n.language)}</dt>
            <dd>{display(field.key, request.data[field.key])}</dd>
          </div>
        ))}
      </dl>
      <section className="card muted-card">
        <h3>{t('operator.clientCard')}</h3>
        <p className="muted">{t('operator.clientCardSoon')}</p>
      </section>
    </article>
  );
}
