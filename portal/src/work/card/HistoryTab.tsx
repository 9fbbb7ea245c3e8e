import type { EntityBody } from '@opora/runtime/definitions';
import type { AuditEntry } from '@opora/sdk';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError, Loading } from '../../components/ScreenStates';
import { client } from '../../lib/api';
import { localText } from '../../lib/local-text';
import { useAsync } from '../../lib/use-async';
import { formatMoment, formatValue } from '../../records/format-value';
import { useFormatContext } from '../../records/use-format-context';
import { Pager } from '../components/Pager';
import { auditChanges } from './audit-changes';

const pageSize = 10;

/** «История»: who changed what and when, newest first, page by page. */
export function HistoryTab({
  entityKey,
  entity,
  id,
  version,
}: {
  entityKey: string;
  entity: EntityBody;
  id: string;
  /** The record's version: a save reloads the history. */
  version: number;
}) {
  const { t } = useTranslation();
  const [offset, setOffset] = useState(0);
  const page = useAsync(
    () => client.recordAudit(entityKey, id, { limit: pageSize, offset }),
    [entityKey, id, offset, version],
  );
  if (page.status === 'loading') return <Loading />;
  if (page.status === 'failed') return <LoadError error={page.error} onRetry={page.reload} />;
  if (!page.data.items.length) return <p className="empty">{t('work.history.empty')}</p>;
  return (
    <section className="history" data-testid="history">
      <ol className="history-list">
        {page.data.items.map((entry) => (
          <HistoryEntry key={entry.id} entry={entry} entity={entity} />
        ))}
      </ol>
      <Pager total={page.data.total} offset={offset} limit={pageSize} onOffset={setOffset} />
    </section>
  );
}

function HistoryEntry({ entry, entity }: { entry: AuditEntry; entity: EntityBody }) {
  const { t, i18n } = useTranslation();
  const changes = useMemo(() => auditChanges(entity, entry.before, entry.after), [entity, entry]);
  const rows = useMemo(
    () =>
      [entry.before, entry.after].map((d) =>
        typeof d === 'object' && d !== null ? (d as Record<string, unknown>) : {},
      ),
    [entry],
  );
  const ctx = useFormatContext(entity.fields, rows);
  const show = (value: unknown, field: (typeof changes)[number]['field']) =>
    formatValue(field, value, ctx) || t('work.history.emptyValue');
  return (
    <li className="history-entry">
      <div className="history-head">
        <strong>{t(`work.history.action.${entry.action}`, { defaultValue: entry.action })}</strong>
        <span className="muted">
          {formatMoment(entry.at, i18n.language)} · {entry.actor?.name ?? t('work.history.system')}
        </span>
      </div>
      {entry.action !== 'delete' && changes.length > 0 && (
        <ul className="history-changes">
          {changes.map(({ field, before, after }) => (
            <li key={field.key}>
              <span className="muted">{localText(field.label, i18n.language)}:</span>{' '}
              {entry.action === 'create' ? (
                show(after, field)
              ) : (
                <>
                  <del>{show(before, field)}</del> → <ins>{show(after, field)}</ins>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
