import type { FormElement } from '@opora/runtime/definitions';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../components/ScreenStates';
import { client } from '../lib/api';
import { localText } from '../lib/local-text';
import { useAsync } from '../lib/use-async';
import { CreateRelated } from '../records/CreateRelated';
import { RelatedRecordList } from '../records/RelatedRecordList';
import { newPath } from '../records/record-paths';
import { totalText } from '../records/total-text';
import { useRenderContext } from './FormRenderer';

/**
 * A designed list of the records that point at this one (a client's requests on the client card), newest
 * first, with the way to all of them and to a new one already linked. Nothing to show while creating.
 */
export function RelatedRecords({ element }: { element: Extract<FormElement, { type: 'related' }> }) {
  const { recordId } = useRenderContext();
  if (!recordId) return null;
  return <RelatedList element={element} recordId={recordId} />;
}

function RelatedList({
  element,
  recordId,
}: {
  element: Extract<FormElement, { type: 'related' }>;
  recordId: string;
}) {
  const { t, i18n } = useTranslation();
  const filter = `${element.field}:eq:${recordId}`;
  const limit = element.limit ?? 10;
  const page = useAsync(
    () => client.listRecords(element.entity, { filter: [filter], sort: '-createdAt', limit }),
    [element.entity, filter, limit],
  );
  const title = element.title ? localText(element.title, i18n.language) : t('work.related.title');
  return (
    <section
      className="form-block related-element span-all"
      aria-label={title}
      data-testid={`related-${element.id}`}
    >
      <header className="related-head">
        <h3>
          {title}{' '}
          {page.status === 'ready' && <span className="count">{totalText(t, i18n.language, page.data)}</span>}
        </h3>
        <CreateRelated
          entity={element.entity}
          to={newPath(element.entity, `?${new URLSearchParams({ [element.field]: recordId })}`)}
        />
      </header>
      {page.status === 'loading' && <p className="muted">{t('work.loading')}</p>}
      {page.status === 'failed' && <LoadError error={page.error} onRetry={page.reload} />}
      {page.status === 'ready' && (
        <RelatedRecordList
          entity={element.entity}
          items={page.data.items}
          total={page.data.total}
          totalCapped={page.data.totalCapped}
          filter={filter}
        />
      )}
    </section>
  );
}
