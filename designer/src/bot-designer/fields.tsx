import type { DefinitionKind } from '@opora/sdk';
import { useTranslation } from 'react-i18next';
import { LocalizedInput } from '../components/LocalizedInput';
import { usePublished } from './use-published';

type LText = { ru: string; en?: string };

/** A text in Russian and English with `{{variables}}`; `optional` texts disappear when both are cleared. */
export function TextsField({
  label,
  value,
  onChange,
  testId,
  optional = false,
}: {
  label: string;
  value: LText | undefined;
  onChange: (value: LText | undefined) => void;
  testId: string;
  optional?: boolean;
}) {
  return (
    <LocalizedInput
      label={label}
      value={value}
      onChange={onChange}
      testId={testId}
      multiline
      optional={optional}
      classPrefix="bd"
    />
  );
}

export function TextField({
  label,
  value,
  onChange,
  testId,
  hint,
  placeholder,
  code = false,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  testId: string;
  hint?: string;
  placeholder?: string;
  /** A name, an expression, a pattern: code, not words (no spelling check, not read as the UI's language). */
  code?: boolean;
}) {
  return (
    <label className="bd-field">
      <span>{label}</span>
      <input
        value={value}
        placeholder={placeholder}
        maxLength={2000}
        spellCheck={code ? false : undefined}
        translate={code ? 'no' : undefined}
        data-testid={testId}
        onChange={(e) => onChange(e.target.value)}
      />
      {hint && <small className="muted">{hint}</small>}
    </label>
  );
}

/** Lines of a textarea as a list (keywords, examples): blank lines dropped. */
export function LinesField({
  label,
  value,
  onChange,
  testId,
}: {
  label: string;
  value: readonly string[];
  onChange: (value: string[]) => void;
  testId: string;
}) {
  return (
    <label className="bd-field">
      <span>{label}</span>
      <textarea
        rows={3}
        value={value.join('\n')}
        data-testid={testId}
        onChange={(e) =>
          onChange(
            e.target.value
              .split('\n')
              .slice(0, 50)
              .map((line) => line.slice(0, 500)),
          )
        }
      />
    </label>
  );
}

export function NumberField({
  label,
  value,
  onChange,
  testId,
  min,
  max,
  step,
}: {
  label: string;
  value: number | undefined;
  /** undefined when the field is cleared. */
  onChange: (value: number | undefined) => void;
  testId: string;
  min?: number;
  max?: number;
  step?: number;
}) {
  return (
    <label className="bd-field">
      <span>{label}</span>
      <input
        type="number"
        value={value ?? ''}
        min={min}
        max={max}
        step={step}
        data-testid={testId}
        onChange={(e) => {
          const n = e.target.valueAsNumber;
          onChange(Number.isFinite(n) ? n : undefined);
        }}
      />
    </label>
  );
}

export function CheckField({
  label,
  value,
  onChange,
  testId,
}: {
  label: string;
  value: boolean;
  onChange: (value: boolean) => void;
  testId: string;
}) {
  return (
    <label className="bd-check">
      <input
        type="checkbox"
        checked={value}
        data-testid={testId}
        onChange={(e) => onChange(e.target.checked)}
      />
      <span>{label}</span>
    </label>
  );
}

export function SelectField<V extends string>({
  label,
  value,
  options,
  onChange,
  testId,
}: {
  label: string;
  value: V;
  options: readonly { value: V; label: string }[];
  onChange: (value: V) => void;
  testId: string;
}) {
  return (
    <label className="bd-field">
      <span>{label}</span>
      <select value={value} data-testid={testId} onChange={(e) => onChange(e.target.value as V)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * A published definition of `kind` (a line, a script, a data type …). A key not among the published ones (typed
 * in the JSON, or unpublished since) stays shown, marked, so opening the panel never changes the bot.
 */
export function DefinitionField({
  kind,
  label,
  value,
  onChange,
  testId,
  emptyLabel,
}: {
  kind: DefinitionKind;
  label: string;
  value: string;
  onChange: (value: string) => void;
  testId: string;
  /** The label of the empty choice; a required key has «— выберите —». */
  emptyLabel?: string;
}) {
  const { t } = useTranslation();
  const items = usePublished(kind);
  const listed = items?.some((d) => d.key === value) ?? false;
  return (
    <label className="bd-field">
      <span>{label}</span>
      <select value={value} data-testid={testId} onChange={(e) => onChange(e.target.value)}>
        <option value="">{emptyLabel ?? t('botDesigner.panel.choose')}</option>
        {value && !listed && (
          <option value={value}>{items ? t('botDesigner.panel.notListed', { key: value }) : value}</option>
        )}
        {(items ?? []).map((d) => (
          <option key={d.key} value={d.key}>
            {d.name} ({d.key})
          </option>
        ))}
      </select>
      {!items && <small className="muted">{t('botDesigner.panel.loading')}</small>}
    </label>
  );
}

/** Name → template rows (a script's input, a record's field values …). */
export function ValueMapField({
  label,
  value,
  onChange,
  testId,
}: {
  label: string;
  value: Readonly<Record<string, string>>;
  onChange: (value: Record<string, string>) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const rows = Object.entries(value);
  const set = (index: number, name: string, template: string) =>
    onChange(Object.fromEntries(rows.map((row, i) => (i === index ? [name, template] : row))));
  const fresh = () => {
    let n = rows.length + 1;
    while (`field${n}` in value) n++;
    return `field${n}`;
  };
  return (
    <fieldset className="bd-rows" data-testid={testId}>
      <legend>{label}</legend>
      {rows.map(([name, template], i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: names change while typed; the row is its position
        <div className="bd-row" key={i}>
          <input
            spellCheck={false}
            aria-label={t('botDesigner.fields.name')}
            value={name}
            maxLength={64}
            onChange={(e) => set(i, e.target.value, template)}
          />
          <input
            aria-label={t('botDesigner.fields.value')}
            value={template}
            maxLength={4000}
            onChange={(e) => set(i, name, e.target.value)}
          />
          <button
            type="button"
            className="btn ghost"
            aria-label={t('botDesigner.panel.removeRow')}
            onClick={() => onChange(Object.fromEntries(rows.filter((_, j) => j !== i)))}
          >
            ×
          </button>
        </div>
      ))}
      <button
        type="button"
        className="btn"
        disabled={rows.length >= 100}
        onClick={() => onChange({ ...value, [fresh()]: '' })}
      >
        + {t('botDesigner.fields.addValue')}
      </button>
    </fieldset>
  );
}
