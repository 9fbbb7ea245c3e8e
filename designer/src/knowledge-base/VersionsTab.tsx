import type { ArticleVersion, ArticleVersionSummary } from '@opora/sdk';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { ErrorBanner } from '../components/ErrorBanner';
import { client } from '../lib/api';
import { errorText } from '../lib/error-text';
import { RichTextEditor } from './editor/RichTextEditor';
import { formatDateTime } from './format';
import { StateBadge } from './StateBadge';

/** Every saved revision: who, when, what happened; one opens read-only and can become the current text. */
export function VersionsTab({
  articleId,
  currentVersion,
  canEdit,
  dirty,
  onRestore,
}: {
  articleId: string;
  /** The article's version: the list reloads when it changes. */
  currentVersion: number;
  canEdit: boolean;
  dirty: boolean;
  onRestore: (from: number) => Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const [items, setItems] = useState<ArticleVersionSummary[] | null>(null);
  const [open, setOpen] = useState<ArticleVersion | null>(null);
  const [restoring, setRestoring] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new article version means new revisions
  useEffect(() => {
    client.kb.versions(articleId).then(
      (r) => setItems([...r.items].sort((a, b) => b.number - a.number)),
      (e: unknown) => setError(errorText(e, t('common.loadFailed'))),
    );
  }, [articleId, currentVersion, t]);

  const show = (number: number) =>
    client.kb
      .version(articleId, number)
      .then(setOpen, (e: unknown) => setError(errorText(e, t('common.loadFailed'))));

  return (
    <div className="kb-versions" data-testid="versions-tab">
      <ErrorBanner message={error} />
      {items === null && !error && <p className="muted">{t('common.loading')}</p>}
      {items?.length === 0 && <div className="empty">{t('kb.versions.empty')}</div>}
      {items && items.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th className="num">{t('kb.versions.number')}</th>
                <th>{t('kb.versions.change')}</th>
                <th>{t('kb.versions.state')}</th>
                <th>{t('kb.versions.by')}</th>
                <th>{t('kb.versions.at')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {items.map((v) => (
                <tr
                  key={v.number}
                  data-testid="version-row"
                  className={open?.number === v.number ? 'kb-selected' : ''}
                >
                  <td className="num">{v.number}</td>
                  <td>
                    {t(`kb.versions.changes.${v.change}`, { state: t(`kb.state.${v.state}`) })}
                    {v.title !== items[0]?.title && <div className="muted small">{v.title}</div>}
                  </td>
                  <td>
                    <StateBadge state={v.state} />
                  </td>
                  <td>{v.savedBy ?? '—'}</td>
                  <td className="muted">{formatDateTime(v.savedAt, i18n.language)}</td>
                  <td>
                    <div className="row-actions">
                      <button
                        type="button"
                        className="btn"
                        data-testid="version-view"
                        onClick={() => void show(v.number)}
                      >
                        {t('kb.versions.view')}
                      </button>
                      {canEdit && v.number !== items[0]?.number && (
                        <button type="button" className="btn" onClick={() => setRestoring(v.number)}>
                          {t('kb.versions.restore')}
                        </button>
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {open && (
        <section className="card kb-version-view" data-testid="version-view-panel">
          <div className="page-head">
            <h2>{t('kb.versions.viewing', { number: open.number })}</h2>
            <span className="muted small">
              {formatDateTime(open.savedAt, i18n.language)}
              {open.savedBy ? ` · ${open.savedBy}` : ''}
            </span>
            <span className="spacer" />
            <button type="button" className="btn ghost" onClick={() => setOpen(null)}>
              {t('kb.versions.close')}
            </button>
          </div>
          <h3 className="kb-version-title">{open.title}</h3>
          {open.summary && <p className="muted">{open.summary}</p>}
          <RichTextEditor
            key={open.number}
            variant="article"
            readOnly
            content={open.body}
            label={t('kb.versions.viewing', { number: open.number })}
          />
        </section>
      )}
      {restoring !== null && (
        <ConfirmDialog
          title={t('kb.versions.restoreTitle', { number: restoring })}
          text={`${t('kb.versions.restoreText')}${dirty ? ` ${t('kb.versions.restoreDirty')}` : ''}`}
          confirmLabel={t('kb.versions.restore')}
          onCancel={() => setRestoring(null)}
          onConfirm={() => {
            const from = restoring;
            setRestoring(null);
            setOpen(null);
            onRestore(from).catch((e: unknown) => setError(errorText(e, t('common.saveFailed'))));
          }}
        />
      )}
    </div>
  );
}
