import type { Page, SearchGap, SearchGapKind } from '@opora/sdk';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { ErrorBanner } from '../components/ErrorBanner';
import { Pagination } from '../components/Pagination';
import { client } from '../lib/api';
import { errorText } from '../lib/error-text';
import { navigate } from '../lib/router';
import { formatDateTime } from './format';
import './i18n';

const limit = 25;
const kinds: SearchGapKind[] = ['zero', 'weak'];

/**
 * «Пробелы в базе знаний»: what visitors searched for and did not find — nothing at all, or no article covering
 * the question (with the titles they were shown instead) — to write or to dismiss.
 */
export function SearchGapsPage({ canEdit }: { canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const [offset, setOffset] = useState(0);
  const [kind, setKind] = useState<SearchGapKind | ''>('');
  const [page, setPage] = useState<Page<SearchGap> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dismissing, setDismissing] = useState<SearchGap | null>(null);
  const load = useCallback(
    () =>
      client.kb
        .searchGaps({ limit, offset, ...(kind ? { kind } : {}) })
        .then(setPage, (e: unknown) => setError(errorText(e, t('common.loadFailed')))),
    [offset, kind, t],
  );
  useEffect(() => {
    void load();
  }, [load]);

  const dismiss = async (gap: SearchGap) => {
    setError(null);
    try {
      await client.kb.dismissSearchGap(gap.id);
      // The last row of a later page gone: show the page before it.
      if (page && page.items.length === 1 && offset > 0) setOffset(Math.max(0, offset - limit));
      else await load();
    } catch (e) {
      setError(errorText(e, t('common.saveFailed')));
    }
  };

  return (
    <div className="page kb-page" data-testid="kb-gaps">
      <h1>{t('kb.gaps.title')}</h1>
      <p className="muted">{t('kb.gaps.hint')}</p>
      <div className="toolbar">
        <select
          aria-label={t('kb.gaps.kind')}
          data-testid="gap-kind-filter"
          value={kind}
          onChange={(e) => {
            setKind(e.target.value as SearchGapKind | '');
            setOffset(0);
          }}
        >
          <option value="">{t('kb.gaps.anyKind')}</option>
          {kinds.map((k) => (
            <option key={k} value={k}>
              {t(`kb.gaps.kinds.${k}`)}
            </option>
          ))}
        </select>
      </div>
      <ErrorBanner message={error} />
      {!page && !error && <p className="muted">{t('common.loading')}</p>}
      {page?.total === 0 && <div className="empty">{t('kb.gaps.empty')}</div>}
      {page && page.items.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th>{t('kb.gaps.query')}</th>
                <th>{t('kb.gaps.kind')}</th>
                <th className="num">{t('kb.gaps.count')}</th>
                <th className="kb-wide">{t('kb.gaps.first')}</th>
                <th>{t('kb.gaps.last')}</th>
                <th>{t('kb.gaps.shown')}</th>
                {canEdit && <th />}
              </tr>
            </thead>
            <tbody>
              {page.items.map((gap) => (
                <tr key={gap.id} data-testid="gap-row" data-kind={gap.kind}>
                  <td className="kb-gap-query">«{gap.query}»</td>
                  <td>
                    <span className={`badge kb-gap-kind kb-gap-${gap.kind}`}>
                      {t(`kb.gaps.kinds.${gap.kind}`)}
                    </span>
                  </td>
                  <td className="num">{gap.count}</td>
                  <td className="muted kb-wide">{formatDateTime(gap.firstAt, i18n.language)}</td>
                  <td className="muted">{formatDateTime(gap.lastAt, i18n.language)}</td>
                  <td className="kb-gap-shown">
                    {gap.shown.length > 0 ? (
                      <ul>
                        {gap.shown.map((title) => (
                          <li key={title}>{title}</li>
                        ))}
                      </ul>
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                  {canEdit && (
                    <td className="kb-gap-actions">
                      <div className="row-actions">
                        <button
                          type="button"
                          className="btn"
                          onClick={() => navigate(`/kb/new?title=${encodeURIComponent(gap.query)}`)}
                        >
                          {t('kb.gaps.write')}
                        </button>
                        <button type="button" className="btn danger" onClick={() => setDismissing(gap)}>
                          {t('kb.gaps.dismiss')}
                        </button>
                      </div>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {page && (
        <Pagination
          offset={offset}
          limit={limit}
          total={page.total}
          capped={page.totalCapped}
          onChange={setOffset}
        />
      )}
      {dismissing && (
        <ConfirmDialog
          title={t('kb.gaps.dismissTitle')}
          text={t('kb.gaps.dismissText', { query: dismissing.query })}
          confirmLabel={t('kb.gaps.dismiss')}
          onCancel={() => setDismissing(null)}
          onConfirm={() => {
            const gap = dismissing;
            setDismissing(null);
            void dismiss(gap);
          }}
        />
      )}
    </div>
  );
}
