import type { Article, ArticleState } from '@opora/sdk';
import { useTranslation } from 'react-i18next';
import { DeleteArticleButton } from './DeleteArticleButton';
import { StateActions } from './StateActions';
import { StateBadge } from './StateBadge';

/** Back, title, state and «unsaved» mark; for editors the lifecycle moves, delete (drafts never published), save. */
export function ArticleHead({
  article,
  dirty,
  canEdit,
  busy,
  onBack,
  onSave,
  onMove,
  onDelete,
}: {
  article: Article | null;
  dirty: boolean;
  canEdit: boolean;
  busy: boolean;
  onBack: () => void;
  onSave: () => void;
  onMove: (to: ArticleState) => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  const state = article?.state ?? 'draft';
  return (
    <div className="page-head kb-editor-head">
      <button type="button" className="btn ghost" aria-label={t('kb.article.backToList')} onClick={onBack}>
        ←
      </button>
      <h1>{article ? article.title : t('kb.article.new')}</h1>
      <StateBadge state={state} />
      {dirty && canEdit && <span className="dirty">{t('kb.article.unsaved')}</span>}
      <span className="spacer" />
      {canEdit && (
        <div className="kb-head-actions">
          {article && !article.publishedAt && (
            <DeleteArticleButton title={article.title} busy={busy} onDelete={onDelete} />
          )}
          <StateActions state={state} busy={busy} dirty={dirty} onMove={onMove} />
          <button
            type="button"
            className="btn primary"
            data-testid="save-article"
            title="Ctrl+S"
            disabled={busy || (!dirty && article !== null)}
            onClick={onSave}
          >
            {busy ? t('common.wait') : t('kb.article.save')}
          </button>
        </div>
      )}
    </div>
  );
}
