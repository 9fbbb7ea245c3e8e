import { useTranslation } from 'react-i18next';
import { errorText } from '../lib/error-text';
import { usePublishedForms } from './use-published-forms';

/** Picks the published form a «form» contact opens: portal forms first, the others after them. */
export function FormPicker({
  value,
  onChange,
  problems,
}: {
  value: string | undefined;
  onChange: (key: string | undefined) => void;
  problems: readonly string[];
}) {
  const { t } = useTranslation();
  const forms = usePublishedForms();
  if (forms.status === 'loading') return <div className="muted">{t('common.loading')}</div>;
  if (forms.status === 'failed')
    return (
      <div className="field-error" role="alert">
        {t('treeDesigner.form.failed', { text: errorText(forms.error, t('common.loadFailed')) })}
      </div>
    );
  const portal = forms.forms.filter((f) => f.portal);
  const other = forms.forms.filter((f) => !f.portal);
  const known = forms.forms.some((f) => f.key === value);
  return (
    <label>
      {t('treeDesigner.form.label')}
      <select
        data-testid="td-form"
        value={value ?? ''}
        aria-invalid={problems.length > 0}
        onChange={(e) => onChange(e.target.value || undefined)}
      >
        <option value="">{t('treeDesigner.form.pick')}</option>
        {value && !known && <option value={value}>{value}</option>}
        {portal.length > 0 && (
          <optgroup label={t('treeDesigner.form.portal')}>
            {portal.map((f) => (
              <option key={f.key} value={f.key}>
                {f.name} ({f.key})
              </option>
            ))}
          </optgroup>
        )}
        {other.length > 0 && (
          <optgroup label={t('treeDesigner.form.other')}>
            {other.map((f) => (
              <option key={f.key} value={f.key}>
                {f.name} ({f.key})
              </option>
            ))}
          </optgroup>
        )}
      </select>
      {!forms.forms.length && <span className="hint">{t('treeDesigner.form.none')}</span>}
      {problems.length > 0 && <span className="field-error">{problems.join('; ')}</span>}
    </label>
  );
}
