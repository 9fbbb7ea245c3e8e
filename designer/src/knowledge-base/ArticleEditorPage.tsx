import type { ArticleState, KbFile } from '@opora/sdk';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBanner } from '../components/ErrorBanner';
import { client } from '../lib/api';
import { errorText } from '../lib/error-text';
import { navigate, router } from '../lib/router';
import { ArticleHead } from './ArticleHead';
import { ArticleMeta } from './ArticleMeta';
import { ArticleReviewNote } from './ArticleReviewNote';
import { ArticleSidePanel } from './ArticleSidePanel';
import { type ArticleTab, ArticleTabs } from './ArticleTabs';
import { ArticleTitleFields } from './ArticleTitleFields';
import { DialogShell } from './editor/DialogShell';
import { RichTextEditor } from './editor/RichTextEditor';
import { RatingsTab } from './RatingsTab';
import { useArticleDraft } from './use-article-draft';
import { useCategories } from './use-categories';
import { useLeaveGuard } from './use-leave-guard';
import { VersionsTab } from './VersionsTab';
import './i18n';

/** Writing one article: text in the WYSIWYG editor, properties beside it, lifecycle, revisions and ratings. */
export function ArticleEditorPage({
  id,
  title,
  canEdit,
}: {
  id: string | null;
  title: string;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const draft = useArticleDraft(id, title);
  const { categories } = useCategories();
  const [tab, setTab] = useState<ArticleTab>('article');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [saveFirst, setSaveFirst] = useState<((ok: boolean) => void) | null>(null);
  const confirmLeave = useLeaveGuard(draft.dirty && canEdit, t('kb.article.leaveUnsaved'));
  const { article, fields } = draft;
  const readOnly = !canEdit;

  /** Runs a server call with the busy flag and its message; the article's own URL once it exists. */
  const run = async (work: () => Promise<string | null>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const message = await work();
      setNotice(message);
      // «Сохранено» is news for a moment, not a state: it goes away by itself.
      if (message) setTimeout(() => setNotice((n) => (n === message ? null : n)), 5000);
      return true;
    } catch (e) {
      setError(errorText(e, t('common.saveFailed')));
      return false;
    } finally {
      setBusy(false);
    }
  };
  const afterCreate = (newId: string) => {
    if (!id) router.navigate(`/kb/${newId}`, { replace: true });
  };
  const save = () =>
    run(async () => {
      const saved = await draft.save();
      afterCreate(saved.id);
      return t('kb.article.saved');
    });
  const move = (to: ArticleState) =>
    run(async () => {
      const moved = await draft.changeState(to);
      afterCreate(moved.id);
      return t(`kb.moves.${to}.done`);
    });

  // A problem reported while the author is far down the text scrolls into sight.
  const problemRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error || draft.conflict) problemRef.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [error, draft.conflict]);

  const saveRef = useRef(save);
  saveRef.current = save;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        event.preventDefault();
        if (canEdit && !busy) void saveRef.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [canEdit, busy]);

  // Files belong to an article: a new one is saved first, after asking.
  const upload = async (file: File): Promise<KbFile | null> => {
    let target = article;
    if (!target) {
      if (!fields.title.trim()) {
        setError(t('kb.article.titleFirst'));
        return null;
      }
      const ok = await new Promise<boolean>((resolve) => setSaveFirst(() => resolve));
      setSaveFirst(null);
      if (!ok) return null;
      target = await draft.save();
      afterCreate(target.id);
    }
    return client.kb.uploadFile(target.id, file);
  };

  if (draft.loadError) return <ErrorBanner message={errorText(draft.loadError, t('common.loadFailed'))} />;
  if (id && !article) return <p className="muted">{t('common.loading')}</p>;

  return (
    <div className="page kb-page" data-testid="article-editor">
      <ArticleHead
        article={article}
        dirty={draft.dirty}
        canEdit={canEdit}
        busy={busy}
        onBack={() => confirmLeave() && navigate('/kb')}
        onSave={() => void save()}
        onMove={(to) => void move(to)}
        onDelete={() =>
          void run(async () => {
            await draft.remove();
            navigate('/kb');
            return null;
          })
        }
      />
      {article && <ArticleMeta article={article} />}
      {article && <ArticleReviewNote key={`${article.id}:${article.version}`} article={article} />}
      <div ref={problemRef} className="kb-problem-anchor" />
      {draft.conflict && (
        <div className="banner error" role="alert" data-testid="conflict">
          {t('kb.article.conflict')}{' '}
          <button
            type="button"
            className="btn"
            onClick={() => void draft.reload().then(() => setError(null))}
          >
            {t('kb.article.reload')}
          </button>
        </div>
      )}
      {!draft.conflict && <ErrorBanner message={error} />}
      {notice && (
        <div className="banner ok" role="status" data-testid="article-notice">
          {notice}
        </div>
      )}
      {article && <ArticleTabs tab={tab} onChange={setTab} />}
      <div className="editor-grid kb-grid" hidden={tab !== 'article'}>
        <div className="kb-main">
          <ArticleTitleFields
            fields={fields}
            setFields={draft.setFields}
            details={draft.details}
            keyLocked={article !== null}
            readOnly={readOnly}
          />
          <RichTextEditor
            variant="article"
            content={draft.content.html}
            contentKey={draft.content.key}
            onChange={(body) => draft.setFields({ body })}
            onNormalized={draft.onNormalized}
            upload={canEdit ? upload : undefined}
            onError={setError}
            label={t('kb.article.body')}
            testId="article-body"
            readOnly={readOnly}
          />
        </div>
        <ArticleSidePanel
          fields={fields}
          setFields={draft.setFields}
          categories={categories ?? []}
          details={draft.details}
          articleId={article?.id ?? null}
          readOnly={readOnly}
        />
      </div>
      {article && tab === 'versions' && (
        <VersionsTab
          articleId={article.id}
          currentVersion={article.version}
          canEdit={canEdit}
          dirty={draft.dirty}
          onRestore={async (from) => {
            await run(async () => {
              await draft.restore(from);
              setTab('article');
              return t('kb.versions.restored', { number: from });
            });
          }}
        />
      )}
      {article && tab === 'ratings' && (
        <RatingsTab articleId={article.id} helpful={article.helpful} notHelpful={article.notHelpful} />
      )}
      {saveFirst && (
        <DialogShell
          title={t('kb.article.saveFirstTitle')}
          testId="save-first"
          submitLabel={t('kb.article.saveFirstConfirm')}
          onCancel={() => saveFirst(false)}
          onSubmit={() => saveFirst(true)}
        >
          <p>{t('kb.article.saveFirstText')}</p>
        </DialogShell>
      )}
    </div>
  );
}
