import { slugFromTitle } from '@opora/runtime/definitions';
import { ApiError, type ErrorDetail, type KbCategory, type KbCategoryInput } from '@opora/sdk';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError } from '../components/FieldError';
import { errorText } from '../lib/error-text';
import { CategorySelect } from './CategorySelect';
import { childrenOf, subtreeIds } from './category-tree';

/** Adds a category, or renames/moves one (`editing`): key, titles in both languages, description, parent. */
export function CategoryForm({
  categories,
  editing,
  onSubmit,
  onCancel,
}: {
  categories: readonly KbCategory[];
  editing: KbCategory | null;
  onSubmit: (input: KbCategoryInput) => Promise<void>;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const [key, setKey] = useState(editing?.key ?? '');
  const [ru, setRu] = useState(editing?.title.ru ?? '');
  const [en, setEn] = useState(editing?.title.en ?? '');
  const [descRu, setDescRu] = useState(editing?.description?.ru ?? '');
  const [descEn, setDescEn] = useState(editing?.description?.en ?? '');
  const [parentId, setParentId] = useState<string | null>(editing?.parentId ?? null);
  const [details, setDetails] = useState<ErrorDetail[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const made = slugFromTitle(en || ru);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setDetails([]);
    setError(null);
    const moved = editing && parentId !== editing.parentId;
    // A category moved elsewhere goes to the end of its new siblings.
    const position = moved
      ? Math.max(-1, ...childrenOf(categories, parentId).map((c) => c.position)) + 1
      : editing?.position;
    try {
      await onSubmit({
        key: editing ? editing.key : key.trim() || made,
        title: en.trim() ? { ru: ru.trim(), en: en.trim() } : { ru: ru.trim() },
        description:
          descRu.trim() || descEn.trim()
            ? { ru: descRu.trim(), ...(descEn.trim() ? { en: descEn.trim() } : {}) }
            : null,
        parentId,
        ...(position === undefined ? {} : { position }),
      });
      if (!editing) {
        setKey('');
        setRu('');
        setEn('');
        setDescRu('');
        setDescEn('');
      }
    } catch (e) {
      if (e instanceof ApiError) setDetails(e.details);
      setError(errorText(e, t('common.saveFailed')));
    } finally {
      setBusy(false);
    }
  };
  const blocked = editing ? subtreeIds(categories, editing.id) : undefined;

  return (
    <form
      className="form kb-category-form"
      onSubmit={submit}
      data-testid={editing ? 'category-edit' : 'category-add'}
    >
      <div className="kb-form-grid">
        <label>
          {t('kb.categories.titleRu')}
          <input
            value={ru}
            required
            data-testid="category-title-ru"
            onChange={(e) => setRu(e.target.value)}
          />
          <FieldError details={details} pointer="/title/ru" />
        </label>
        <label>
          {t('kb.categories.titleEn')}
          <input value={en} data-testid="category-title-en" onChange={(e) => setEn(e.target.value)} />
          <FieldError details={details} pointer="/title/en" />
        </label>
        <label>
          {t('kb.categories.key')}
          <input
            className="mono"
            value={editing ? editing.key : key}
            disabled={Boolean(editing)}
            placeholder={made}
            data-testid="category-key"
            onChange={(e) => setKey(e.target.value.toLowerCase())}
          />
          <span className="hint">{editing ? t('kb.categories.keyLocked') : t('kb.categories.keyHint')}</span>
          <FieldError details={details} pointer="/key" />
        </label>
        <div className="kb-field">
          <span className="label">{t('kb.categories.parent')}</span>
          <CategorySelect
            categories={categories}
            value={parentId}
            onChange={setParentId}
            emptyLabel={t('kb.categories.topLevel')}
            exclude={blocked}
            label={t('kb.categories.parent')}
            testId="category-parent"
          />
          <FieldError details={details} pointer="/parentId" />
        </div>
        <label>
          {t('kb.categories.descriptionRu')}
          <textarea rows={2} value={descRu} onChange={(e) => setDescRu(e.target.value)} />
        </label>
        <label>
          {t('kb.categories.descriptionEn')}
          <textarea rows={2} value={descEn} onChange={(e) => setDescEn(e.target.value)} />
        </label>
      </div>
      {error && (
        <div className="banner error" role="alert">
          {error}
        </div>
      )}
      <div className="actions">
        {onCancel && (
          <button type="button" className="btn" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
        <button
          type="submit"
          className="btn primary"
          disabled={busy || !ru.trim()}
          data-testid="category-submit"
        >
          {editing ? t('kb.categories.saveChanges') : t('kb.categories.add')}
        </button>
      </div>
    </form>
  );
}
