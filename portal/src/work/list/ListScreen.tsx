import type { EntityBody } from '@opora/runtime/definitions';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../components/Link';
import { LoadError, Loading } from '../../components/ScreenStates';
import { client } from '../../lib/api';
import { localText } from '../../lib/local-text';
import { useStore } from '../../lib/store';
import { useAsync } from '../../lib/use-async';
import { useEntityType, useTypeAccess } from '../../records/entity-types';
import { newPath } from '../../records/record-paths';
import { totalText } from '../../records/total-text';
import { CursorPager } from '../components/CursorPager';
import { FlashMessage } from '../components/FlashMessage';
import { flash } from '../state/flash';
import { BulkBar } from './BulkBar';
import { ColumnPicker } from './ColumnPicker';
import { FilterPanel } from './FilterPanel';
import { newFilter } from './filter-ops';
import { listColumns, visibleColumns } from './list-columns';
import { type ListState, nextSort, pageSizes, toRecordQuery } from './list-state';
import { RecordTable } from './RecordTable';
import { SavedViews } from './SavedViews';
import { SearchBox } from './SearchBox';
import { clearSelection, selectedIn, selection } from './selection';
import { useListState } from './use-list-state';

/** A data type's records: search, filters, columns, sort, pages, saved views and bulk actions. */
export function ListScreen({ entity }: { entity: string }) {
  const type = useEntityType(entity);
  if (type.status === 'loading') return <Loading />;
  if (type.status === 'failed') return <LoadError error={type.error} onRetry={type.reload} />;
  return <RecordList entityKey={entity} entity={type.data} />;
}

function RecordList({ entityKey, entity }: { entityKey: string; entity: EntityBody }) {
  const { t, i18n } = useTranslation();
  const [state, setState] = useListState(entityKey);
  const access = useTypeAccess(entityKey);
  const query = useMemo(() => toRecordQuery(entity, state), [entity, state]);
  const queryKey = JSON.stringify(query);
  const page = useAsync(() => client.listRecords(entityKey, query), [entityKey, queryKey]);
  const [showFilters, setShowFilters] = useState(state.filters.length > 0);
  useStore(selection);
  const listId = `${entityKey}?${queryKey}`;
  useEffect(() => clearSelection, []);

  const columns = visibleColumns(entity, state.columns);
  const change = (next: Partial<ListState>, keepPage = false) =>
    setState({
      ...state,
      ...next,
      ...(keepPage ? {} : { offset: 0, after: null, before: null }),
    });
  const items = page.data?.items ?? [];
  const selected = items.filter((r) => selectedIn(listId).has(r.id));
  const plural = localText(entity.pluralLabel ?? entity.label, i18n.language);
  const narrowed = state.q !== '' || state.filters.length > 0;

  return (
    <section
      className="work-screen list-screen"
      data-testid="list-screen"
      aria-busy={page.status === 'loading'}
    >
      <header className="screen-head">
        <h1>{plural}</h1>
        {access.create !== 'none' && (
          <Link to={newPath(entityKey)} className="btn primary" data-testid="create">
            + {t('work.list.create')}
          </Link>
        )}
      </header>
      <FlashMessage />
      <div className="list-toolbar">
        <SearchBox value={state.q} onSearch={(q) => change({ q })} />
        <button
          type="button"
          className={showFilters ? 'btn active' : 'btn'}
          aria-expanded={showFilters}
          onClick={() => {
            setShowFilters(!showFilters);
            if (!showFilters && !state.filters.length) {
              const first = listColumns(entity).find((c) => !c.builtin)?.key;
              const filter = first ? newFilter(entity, first) : null;
              if (filter) change({ filters: [filter] });
            }
          }}
        >
          {t('work.list.filters')}
          {state.filters.length > 0 && <span className="count">{state.filters.length}</span>}
        </button>
        <ColumnPicker entity={entity} chosen={state.columns} onChange={(c) => change({ columns: c }, true)} />
        <SavedViews
          entity={entityKey}
          state={state}
          columns={columns.map((c) => c.key)}
          onOpen={(next) => setState(next)}
        />
      </div>
      {showFilters && (
        <div className="filter-area">
          <FilterPanel entity={entity} filters={state.filters} onChange={(filters) => change({ filters })} />
          <button
            type="button"
            className="btn ghost"
            onClick={() => {
              const filter = newFilter(entity, listColumns(entity).find((c) => !c.builtin)?.key ?? 'number');
              if (filter) change({ filters: [...state.filters, filter] });
            }}
          >
            + {t('work.filter.add')}
          </button>
          {state.filters.length > 0 && (
            <button type="button" className="btn ghost" onClick={() => change({ filters: [] })}>
              {t('work.filter.clear')}
            </button>
          )}
        </div>
      )}
      {selected.length > 0 && (
        <BulkBar
          entityKey={entityKey}
          entity={entity}
          records={selected}
          onDone={(outcome, action) => {
            clearSelection();
            flash.set({
              tone: outcome.failed.length ? 'warning' : 'success',
              text: [
                t(`work.bulk.done.${action}`, { count: outcome.done }),
                ...outcome.failed.map((f) => t('work.bulk.failed', { number: f.number, message: f.message })),
              ].join(' '),
            });
            page.reload();
          }}
        />
      )}
      {page.status === 'failed' && <LoadError error={page.error} onRetry={page.reload} />}
      {page.status === 'loading' && !page.data && <Loading />}
      {page.data && items.length === 0 && (
        <div className="empty" data-testid="empty">
          {narrowed ? (
            <>
              <p>{t('work.list.nothingFound')}</p>
              <button type="button" className="btn" onClick={() => change({ q: '', filters: [] })}>
                {t('work.list.reset')}
              </button>
            </>
          ) : (
            <>
              <p>{t('work.list.empty', { type: plural })}</p>
              {access.create !== 'none' && (
                <Link to={newPath(entityKey)} className="btn primary">
                  + {t('work.list.create')}
                </Link>
              )}
            </>
          )}
        </div>
      )}
      {items.length > 0 && (
        <div className="table-wrap">
          <RecordTable
            entityKey={entityKey}
            entity={entity}
            columns={columns}
            items={items}
            sort={state.sort}
            onSort={(key) => change({ sort: nextSort(state.sort, key) })}
            listId={listId}
          />
        </div>
      )}
      {page.data && page.data.total > 0 && (
        <div className="list-footer">
          <span className="muted" data-testid="total">
            {t('work.list.total', { count: totalText(t, i18n.language, page.data) })}
          </span>
          <CursorPager
            page={{ ...page.data, shown: items.length }}
            offset={state.offset}
            onPage={(move) =>
              change(
                'after' in move
                  ? { after: move.after, before: null, offset: state.offset + items.length }
                  : { before: move.before, after: null, offset: Math.max(0, state.offset - state.limit) },
                true,
              )
            }
          />
          <label className="inline-label">
            {t('work.list.pageSize')}
            <select value={state.limit} onChange={(e) => change({ limit: Number(e.target.value) })}>
              {pageSizes.map((size) => (
                <option key={size} value={size}>
                  {size}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
    </section>
  );
}
