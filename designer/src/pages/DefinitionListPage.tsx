import type { DefinitionKind, DefinitionStatus, DefinitionSummary, Page } from '@opora/sdk';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBanner } from '../components/ErrorBanner';
import { Link } from '../components/Link';
import { Pagination } from '../components/Pagination';
import { StatusBadge } from '../components/StatusBadge';
import { client } from '../lib/api';
import { downloadJson } from '../lib/download';
import { errorText } from '../lib/error-text';
import { navigate } from '../lib/router';
import { useDefinitionRights } from '../state/use-definition-rights';

const limit = 25;
type Sort = '-updatedAt' | 'name';

/** Every definition of one kind: search, status filter, sort, pages, selection for export. */
export function DefinitionListPage({ kind }: { kind: DefinitionKind }) {
  const may = useDefinitionRights(kind);
  const { t, i18n } = useTranslation();
  const [q, setQ] = useState('');
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<DefinitionStatus | ''>('');
  const [sort, setSort] = useState<Sort>('-updatedAt');
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<Page<DefinitionSummary> | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const timer = setTimeout(() => {
      setQuery(q);
      setOffset(0);
    }, 250);
    return () => clearTimeout(timer);
  }, [q]);

  useEffect(() => {
    let live = true;
    client
      .listDefinitions({ kind, q: query || undefined, status: status || undefined, sort, limit, offset })
      .then((p) => live && setPage(p))
      .catch((e: unknown) => live && setError(errorText(e, t('common.loadFailed'))));
    return () => {
      live = false;
    };
  }, [kind, query, status, sort, offset, t]);

  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setSelected(next);
  };
  const exportSelected = async () => {
    try {
      downloadJson(await client.exportBundle({ ids: [...selected] }), `opora-${kind}.json`);
    } catch (e) {
      setError(errorText(e, t('common.loadFailed')));
    }
  };

  return (
    <div className="page">
      <div className="page-head">
        <h1>{t(`kinds.${kind}.plural`)}</h1>
        <span className="spacer" />
        {selected.size > 0 && (
          <button type="button" className="btn" onClick={() => void exportSelected()}>
            {t('list.exportSelected', { count: selected.size })}
          </button>
        )}
        {may('write') && (
          <button
            type="button"
            className="btn primary"
            data-testid="create-definition"
            onClick={() => navigate(`/d/${kind}/new`)}
          >
            {t('list.create')}
          </button>
        )}
      </div>
      <p className="muted">{t(`kinds.${kind}.hint`)}</p>
      <div className="toolbar">
        <input
          type="search"
          className="search"
          placeholder={t('list.search')}
          aria-label={t('list.search')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
        <select
          aria-label={t('list.status')}
          value={status}
          onChange={(e) => {
            setStatus(e.target.value as DefinitionStatus | '');
            setOffset(0);
          }}
        >
          <option value="">{t('list.anyStatus')}</option>
          {(['draft', 'published', 'archived'] as const).map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
        <select aria-label={t('list.sort')} value={sort} onChange={(e) => setSort(e.target.value as Sort)}>
          <option value="-updatedAt">{t('list.sortUpdated')}</option>
          <option value="name">{t('list.sortName')}</option>
        </select>
      </div>
      <ErrorBanner message={error} />
      {page && page.total === 0 ? (
        <div className="empty">
          <p>{query || status ? t('list.nothingFound') : t('list.empty')}</p>
          {may('write') && (
            <button type="button" className="btn primary" onClick={() => navigate(`/d/${kind}/new`)}>
              {t('list.create')}
            </button>
          )}
        </div>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th aria-label={t('list.select')} />
                <th>{t('list.name')}</th>
                <th>{t('list.key')}</th>
                <th>{t('list.status')}</th>
                <th>{t('list.version')}</th>
                <th>{t('list.updated')}</th>
              </tr>
            </thead>
            <tbody>
              {page?.items.map((d) => (
                <tr key={d.id} data-testid="definition-row">
                  <td>
                    <input
                      type="checkbox"
                      aria-label={d.name}
                      checked={selected.has(d.id)}
                      onChange={() => toggle(d.id)}
                    />
                  </td>
                  <td>
                    <Link to={`/d/${kind}/${d.id}`}>{d.name}</Link>
                    {d.hasUnpublishedChanges && d.latestVersion !== null && (
                      <span className="dot" title={t('list.unpublished')} />
                    )}
                  </td>
                  <td className="mono">{d.key}</td>
                  <td>
                    <StatusBadge status={d.status} />
                  </td>
                  <td>{d.latestVersion ?? '—'}</td>
                  <td className="muted">
                    {new Date(d.updatedAt).toLocaleString(i18n.language)}{' '}
                    {d.updatedBy ? `· ${d.updatedBy}` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {page && <Pagination offset={offset} limit={limit} total={page.total} onChange={setOffset} />}
    </div>
  );
}
