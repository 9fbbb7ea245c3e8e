import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Messages } from './Messages';

type LText = { ru: string; en?: string };

/**
 * A text in Russian (the default language, required where the schema says so) and English, side by side.
 * Clearing the English text removes it, so the runtime falls back to Russian. Each designer styles it under
 * its own class prefix (`ed-ltext`, `td-ltext`, `pd-ltext`, `cd-ltext`, `ld-ltext`), since the panels around it differ.
 */
export function LocalizedInput({
  label,
  value,
  onChange,
  problems = [],
  testId,
  multiline = false,
  optional = false,
  classPrefix = 'ed',
}: {
  label: string;
  value: LText | undefined;
  onChange: (value: LText | undefined) => void;
  problems?: readonly string[];
  testId?: string;
  multiline?: boolean;
  /** The whole text may be absent (help, plural label): clearing both languages removes it. */
  optional?: boolean;
  classPrefix?: 'ed' | 'td' | 'pd' | 'cd' | 'ld' | 'bd';
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
    <fieldset className={`${classPrefix}-ltext`}>
      <legend>{label}</legend>
      {(['ru', 'en'] as const).map((lang) => {
        const props = {
          'data-testid': testId ? `${testId}-${lang}` : undefined,
          'aria-label': `${label} (${t(`common.langName.${lang}`)})`,
          value: value?.[lang] ?? '',
          maxLength: 2000,
          'aria-invalid': lang === 'ru' && problems.length > 0,
          'aria-describedby': problems.length ? id : undefined,
          onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
            set(lang, e.target.value),
        };
        return (
          <span key={lang} className={`${classPrefix}-ltext-lang`}>
            <span className={`${classPrefix}-lang`} aria-hidden="true">
              {t(`common.lang.${lang}`)}
            </span>
            {multiline ? <textarea rows={2} {...props} /> : <input {...props} />}
          </span>
        );
      })}
      <Messages messages={problems} id={id} className={classPrefix === 'pd' ? 'pd-problems' : undefined} />
    </fieldset>
  );
}
