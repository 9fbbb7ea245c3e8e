import { contentKeyPattern, slugFromTitle } from '@opora/runtime/definitions';
import type { ErrorDetail } from '@opora/sdk';
import { useTranslation } from 'react-i18next';
import { FieldError } from '../components/FieldError';
import { WithCode } from '../components/WithCode';
import type { ArticleFields } from './article-fields';

/** Title, and the key: typed or made from the title until the first save, fixed after (it is the URL). */
export function ArticleTitleFields({
  fields,
  setFields,
  details,
  keyLocked,
  readOnly,
}: {
  fields: ArticleFields;
  setFields: (patch: Partial<ArticleFields>) => void;
  details: ErrorDetail[];
  keyLocked: boolean;
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const made = slugFromTitle(fields.title);
  const key = fields.key.trim() || made;
  const keyInvalid = fields.key.trim() !== '' && !new RegExp(contentKeyPattern).test(fields.key.trim());
  return (
    <div className="kb-title-fields">
      <label>
        <span className="sr-only">{t('kb.article.title')}</span>
        <input
          className="kb-title-input"
          data-testid="article-title"
          value={fields.title}
          disabled={readOnly}
          placeholder={t('kb.article.titlePlaceholder')}
          onChange={(e) => setFields({ title: e.target.value })}
        />
        <FieldError details={details} pointer="/title" />
      </label>
      {keyLocked ? (
        <p className="kb-key-line muted">
          {t('kb.article.address')} <code data-testid="article-key">/kb/{fields.key}</code>
          <span className="hint"> · {t('kb.article.keyLocked')}</span>
        </p>
      ) : (
        <label className="kb-key-field">
          <span>
            {t('kb.article.key')}{' '}
            <span className="hint">
              <WithCode text={t('kb.article.keyHint', { url: `/kb/${key || '…'}` })} />
            </span>
          </span>
          <input
            className="mono"
            data-testid="article-key-input"
            value={fields.key}
            placeholder={made || 'kak-smenit-parol'}
            aria-invalid={keyInvalid || undefined}
            onChange={(e) => setFields({ key: e.target.value.toLowerCase() })}
          />
          {keyInvalid && <span className="field-error">{t('kb.article.keyInvalid')}</span>}
          {details.some((d) => d.code === 'duplicate_key') ? (
            <span className="field-error">{t('kb.article.keyTaken', { key })}</span>
          ) : (
            <FieldError details={details} pointer="/key" />
          )}
        </label>
      )}
    </div>
  );
}
