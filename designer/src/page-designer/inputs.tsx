import { useId } from 'react';
import { useTranslation } from 'react-i18next';

type LText = { ru: string; en?: string };

/** Messages under a field, announced with it (aria-describedby points here). */
export function Problems({ id, messages }: { id?: string; messages: readonly string[] }) {
  if (!messages.length) return null;
  return (
    <span id={id} className="field-error pd-problems" role="alert">
      {messages.join('; ')}
    </span>
  );
}

/**
 * A text in Russian (required unless `optional`) and English. Clearing English removes it (the portal falls
 * back to Russian); clearing both of an optional text removes the text.
 */
export function LTextField({
  label,
  value,
  onChange,
  optional = false,
  multiline = false,
  problems = [],
  testId,
}: {
  label: string;
  value: LText | undefined;
  onChange: (value: LText | undefined) => void;
  optional?: boolean;
  multiline?: boolean;
  problems?: readonly string[];
  testId?: string;
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
    <fieldset className="pd-ltext">
      <legend>{label}</legend>
      {(['ru', 'en'] as const).map((lang) => {
        const props = {
          'data-testid': testId ? `${testId}-${lang}` : undefined,
          'aria-label': `${label} (${t(`pageDesigner.langName.${lang}`)})`,
          value: value?.[lang] ?? '',
          maxLength: 2000,
          'aria-invalid': lang === 'ru' && problems.length > 0,
          'aria-describedby': problems.length ? id : undefined,
          onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
            set(lang, e.target.value),
        };
        return (
          <span key={lang} className="pd-ltext-lang">
            <span className="pd-lang" aria-hidden="true">
              {lang.toUpperCase()}
            </span>
            {multiline ? <textarea rows={2} {...props} /> : <input {...props} />}
          </span>
        );
      })}
      <Problems id={id} messages={problems} />
    </fieldset>
  );
}

/** How many items a list widget shows (1–20); empty means the portal's default. */
export function CountField({
  label,
  value,
  onChange,
  max = 20,
  problems = [],
  testId,
}: {
  label: string;
  value: number | undefined;
  onChange: (value: number | undefined) => void;
  max?: number;
  problems?: readonly string[];
  testId?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <label>
      {label}
      <input
        type="number"
        min={1}
        max={max}
        step={1}
        inputMode="numeric"
        placeholder={t('pageDesigner.fields.countDefault')}
        value={value ?? ''}
        data-testid={testId}
        aria-invalid={problems.length > 0}
        aria-describedby={problems.length ? id : undefined}
        onChange={(e) => {
          const n = e.target.valueAsNumber;
          onChange(e.target.value === '' || Number.isNaN(n) ? undefined : Math.trunc(n));
        }}
      />
      <Problems id={id} messages={problems} />
    </label>
  );
}

export function CheckField({
  label,
  checked,
  onChange,
  testId,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  testId?: string;
}) {
  return (
    <label className="pd-check">
      <input
        type="checkbox"
        checked={checked}
        data-testid={testId}
        onChange={(e) => onChange(e.target.checked)}
      />
      {label}
    </label>
  );
}
