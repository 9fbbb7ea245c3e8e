import type { ErrorDetail, KbCategory } from '@opora/sdk';
import { useTranslation } from 'react-i18next';
import { FieldError } from '../components/FieldError';
import { type ArticleFields, audiences } from './article-fields';
import { CategorySelect } from './CategorySelect';
import { RelatedPicker } from './RelatedPicker';
import { TagsInput } from './TagsInput';

/** The article's properties beside the text: summary, category, tags, audience, related articles. */
export function ArticleSidePanel({
  fields,
  setFields,
  categories,
  details,
  articleId,
  readOnly,
}: {
  fields: ArticleFields;
  setFields: (patch: Partial<ArticleFields>) => void;
  categories: readonly KbCategory[];
  details: ErrorDetail[];
  articleId: string | null;
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  return (
    <aside className="kb-side form" aria-label={t('kb.article.properties')}>
      <label>
        {t('kb.article.summary')}
        <textarea
          rows={3}
          value={fields.summary}
          disabled={readOnly}
          data-testid="article-summary"
          placeholder={t('kb.article.summaryPlaceholder')}
          onChange={(e) => setFields({ summary: e.target.value })}
        />
        <span className="hint">{t('kb.article.summaryHint')}</span>
        <FieldError details={details} pointer="/summary" />
      </label>
      <div className="kb-field">
        <span className="label">{t('kb.article.category')}</span>
        <CategorySelect
          categories={categories}
          value={fields.categoryId}
          onChange={(categoryId) => setFields({ categoryId })}
          emptyLabel={t('kb.article.noCategory')}
          label={t('kb.article.category')}
          testId="article-category"
          disabled={readOnly}
        />
        <FieldError details={details} pointer="/categoryId" />
      </div>
      <div className="kb-field">
        <span className="label">{t('kb.article.tags')}</span>
        <TagsInput value={fields.tags} onChange={(tags) => setFields({ tags })} disabled={readOnly} />
        <FieldError details={details} pointer="/tags" />
      </div>
      <fieldset className="kb-audience" disabled={readOnly}>
        <legend className="label">{t('kb.article.audience')}</legend>
        {audiences.map((a) => (
          <label key={a} className="check">
            <input
              type="radio"
              name="audience"
              value={a}
              checked={fields.audience === a}
              onChange={() => setFields({ audience: a })}
            />
            {t(`kb.audience.${a}`)}
          </label>
        ))}
      </fieldset>
      <div className="kb-field">
        <span className="label">{t('kb.article.related')}</span>
        <RelatedPicker
          value={fields.related}
          onChange={(related) => setFields({ related })}
          selfId={articleId}
          disabled={readOnly}
        />
        <FieldError details={details} pointer="/related" />
      </div>
    </aside>
  );
}
