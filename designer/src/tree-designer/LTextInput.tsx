import { useId } from 'react';
import { useTranslation } from 'react-i18next';

type LText = { ru: string; en?: string };

/**
 * A text in Russian (the default language, required where the schema says so) and English, one under the other.
 * Clearing the English removes it, so the portal falls back to Russian; an optional text clears away entirely.
 */
export function LTextInput({
  label,
  value,
  onChange,
  problems = [],
  testId,
  multiline = false,
  optional = false,
}: {
  label: string;
  value: LText | undefined;
  onChange: (value: LText | undefined) => void;
  problems?: readonly string[];
  testId?: string;
  multiline?: boolean;
  optional?: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const set = (lang: 'ru' | 'en', text: string) => {
    const next: LText = { ru: value?.ru ?? '', ...(value?.en ? { en: value.en } : {}) };
    if (lang === 'ru') next.ru = text;
    else if (text) next.en = text;
    else delete next.en;
    onChange(optional && !next.ru && !next.en ? undefined : next);
  };
  return (
    <fieldset className="td-ltext">
      <legend>{label}</legend>
      {(['ru', 'en'] as const).map((lang) => {
        const props = {
          'data-testid': testId ? `${testId}-${lang}` : undefined,
          'aria-label': `${label} (${t(`treeDesigner.langName.${lang}`)})`,
          value: value?.[lang] ?? '',
          maxLength: 2000,
          'aria-invalid': lang === 'ru' && problems.length > 0,
          'aria-describedby': problems.length ? id : undefined,
          onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
            set(lang, e.target.value),
        };
        return (
          <span key={lang} className="td-ltext-lang">
            <span className="td-lang" aria-hidden="true">
              {t(`treeDesigner.lang.${lang}`)}
            </span>
            {multiline ? <textarea rows={2} {...props} /> : <input {...props} />}
          </span>
        );
      })}
      {problems.length > 0 && (
        <span className="field-error" role="alert" id={id}>
          {problems.join('; ')}
        </span>
      )}
    </fieldset>
  );
}
