import type { KbCategory } from '@opora/sdk';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { ErrorBanner } from '../components/ErrorBanner';
import { client } from '../lib/api';
import { errorText } from '../lib/error-text';
import { CategoryForm } from './CategoryForm';
import { childrenOf, flattenTree, reorderSiblings } from './category-tree';
import { useCategories } from './use-categories';
import './i18n';

/** The category tree: add, rename and move (in a dialog), reorder with ↑ ↓, delete when empty. */
export function CategoriesPage({ canEdit }: { canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const { categories, error: loadError, reload } = useCategories();
  const [editing, setEditing] = useState<KbCategory | null>(null);
  const [deleting, setDeleting] = useState<KbCategory | null>(null);
  // A refused move or delete is shown on the row it concerns (the list may be scrolled far from the top).
  const [error, setError] = useState<{ id: string; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (editing) dialog.current?.showModal();
  }, [editing]);
  const all = categories ?? [];
  const title = (c: KbCategory) => (i18n.language === 'en' && c.title.en) || c.title.ru;

  const act = async (id: string, work: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError({ id, message: errorText(e, t('common.saveFailed')) });
    } finally {
      setBusy(false);
      await reload();
    }
  };
  const move = (c: KbCategory, direction: -1 | 1) =>
    act(c.id, async () => {
      for (const { id, position } of reorderSiblings(all, c.id, direction)) {
        const target = all.find((x) => x.id === id)!;
        await client.kb.updateCategory(id, {
          title: target.title,
          description: target.description,
          parentId: target.parentId,
          position,
        });
      }
    });

  return (
    <div className="page kb-page" data-testid="kb-categories">
      <h1>{t('kb.categories.title')}</h1>
      <p className="muted">{t('kb.categories.hint')}</p>
      {canEdit && (
        <section className="card">
          <h2>{t('kb.categories.addTitle')}</h2>
          <CategoryForm
            categories={all}
            editing={null}
            onSubmit={async (input) => {
              await client.kb.createCategory(input);
              await reload();
            }}
          />
        </section>
      )}
      <ErrorBanner message={loadError} />
      {categories === null && !loadError && <p className="muted">{t('common.loading')}</p>}
      {categories?.length === 0 && <div className="empty">{t('kb.categories.empty')}</div>}
      {all.length > 0 && (
        <ul className="kb-tree" data-testid="category-tree">
          {flattenTree(all).map(({ category: c, depth }) => {
            const siblings = childrenOf(all, all.some((x) => x.id === c.parentId) ? c.parentId : null);
            const index = siblings.findIndex((x) => x.id === c.id);
            return (
              <li
                key={c.id}
                className="kb-tree-row"
                style={{ paddingLeft: `${depth * 1.5 + 0.75}rem` }}
                data-testid="category-row"
              >
                <div className="kb-tree-text">
                  <span className="kb-tree-title">{title(c)}</span>
                  <span className="muted mono small">{c.key}</span>
                  {c.description && (
                    <span className="muted small kb-tree-desc">
                      {(i18n.language === 'en' && c.description.en) || c.description.ru}
                    </span>
                  )}
                </div>
                <span className="muted small">{t('kb.categories.articles', { count: c.articleCount })}</span>
                {canEdit && (
                  <div className="row-actions">
                    <button
                      type="button"
                      className="btn"
                      disabled={busy || index <= 0}
                      aria-label={t('kb.categories.up', { name: title(c) })}
                      onClick={() => void move(c, -1)}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      className="btn"
                      disabled={busy || index >= siblings.length - 1}
                      aria-label={t('kb.categories.down', { name: title(c) })}
                      onClick={() => void move(c, 1)}
                    >
                      ↓
                    </button>
                    <button
                      type="button"
                      className="btn"
                      data-testid="category-edit-open"
                      onClick={() => setEditing(c)}
                    >
                      {t('kb.categories.edit')}
                    </button>
                    <button type="button" className="btn danger" onClick={() => setDeleting(c)}>
                      {t('kb.categories.delete')}
                    </button>
                  </div>
                )}
                {error?.id === c.id && (
                  <div className="banner error kb-row-error" role="alert" data-testid="category-error">
                    {error.message}
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {editing && (
        <dialog ref={dialog} className="dialog kb-dialog wide" onCancel={() => setEditing(null)}>
          <h2>{t('kb.categories.editTitle', { name: title(editing) })}</h2>
          <CategoryForm
            categories={all}
            editing={editing}
            onCancel={() => setEditing(null)}
            onSubmit={async (input) => {
              const { key: _key, ...rest } = input;
              await client.kb.updateCategory(editing.id, rest);
              setEditing(null);
              await reload();
            }}
          />
        </dialog>
      )}
      {deleting && (
        <ConfirmDialog
          title={t('kb.categories.deleteTitle')}
          text={t('kb.categories.deleteText', { name: title(deleting) })}
          confirmLabel={t('kb.categories.delete')}
          onCancel={() => setDeleting(null)}
          onConfirm={() => {
            const c = deleting;
            setDeleting(null);
            void act(c.id, () => client.kb.deleteCategory(c.id));
          }}
        />
      )}
    </div>
  );
}
