import { useTranslation } from 'react-i18next';
import { LoadError, Loading } from '../../components/ScreenStates';
import { client } from '../../lib/api';
import { localText } from '../../lib/local-text';
import { useAsync } from '../../lib/use-async';
import { CreateRelated } from '../../records/CreateRelated';
import { RelatedRecordList } from '../../records/RelatedRecordList';
import { newPath } from '../../records/record-paths';
import { totalText } from '../../records/total-text';

const shown = 5;

/** Records of other types that point at this one (a client's requests…), with the way to all of them and to a new one. */
export function RelatedTab({ entityKey, id }: { entityKey: string; id: string }) {
  const { t, i18n } = useTranslation();
  const related = useAsync(() => client.relatedRecords(entityKey, id, { limit: shown }), [entityKey, id]);
  if (related.status === 'loading') return <Loading />;
  if (related.status === 'failed') return <LoadError error={related.error} onRetry={related.reload} />;
  if (!related.data.items.length) return <p className="empty">{t('work.related.none')}</p>;
  return (
    <div className="related" data-testid="related">
      {related.data.items.map((group) => {
        const filter = `${group.field}:${group.many ? 'contains' : 'eq'}:${id}`;
        return (
          <section key={`${group.entity}.${group.field}`} className="related-group">
            <header className="related-head">
              <h3>
                {localText(group.entityLabel, i18n.language)}
                <span className="muted"> · {localText(group.fieldLabel, i18n.language)}</span>{' '}
                <span className="count">{totalText(t, i18n.language, group)}</span>
              </h3>
              <CreateRelated
                entity={group.entity}
                to={newPath(group.entity, `?${new URLSearchParams({ [group.field]: id })}`)}
              />
            </header>
            <RelatedRecordList
              entity={group.entity}
              items={group.items}
              total={group.total}
              totalCapped={group.totalCapped}
              filter={filter}
            />
          </section>
        );
      })}
    </div>
  );
}
