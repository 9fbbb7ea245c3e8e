import { useTranslation } from 'react-i18next';
import { Icon } from '../components/Icon';
import { LocalizedInput } from '../components/LocalizedInput';
import { Messages } from '../components/Messages';
import type { EditorProblem } from '../state/use-definition-draft';
import { type Field, keyFromLabel, move, replaceAt, uniqueKey } from './entity-draft';
import { messagesAt, problemsUnder } from './problems';
import { TransitionsMatrix } from './TransitionsMatrix';

type EnumField = Extract<Field, { type: 'enum' }>;
type Option = EnumField['options'][number];

const palette = ['#2563eb', '#16a34a', '#d97706', '#dc2626', '#7c3aed', '#0ea5e9', '#64748b', '#db2777'];

/**
 * The options of a choice list: stored value, label in both languages, colour; then the allowed moves between
 * them (a status model). A value already published cannot be renamed — records hold it; remove it and map it
 * to another one instead.
 */
export function EnumOptionsEditor({
  field,
  pointer,
  problems,
  publishedValues,
  onChange,
}: {
  field: EnumField;
  pointer: string;
  problems: readonly EditorProblem[];
  publishedValues: ReadonlySet<string>;
  onChange: (field: EnumField) => void;
}) {
  const { t } = useTranslation();
  const options = field.options ?? [];
  const setOptions = (next: Option[], renamed?: [string, string]) =>
    onChange({ ...field, options: next, ...transitionsAfter(field, next, renamed) });
  const update = (i: number, option: Option) => {
    const old = options[i]!;
    const autoValue =
      !publishedValues.has(old.value) &&
      (/^option\d+$/.test(old.value) || old.value === valueFor(old.label.ru, options, i));
    const value =
      autoValue && option.label.ru !== old.label.ru ? valueFor(option.label.ru, options, i) : option.value;
    const next = { ...option, value };
    setOptions(replaceAt(options, i, next), value !== old.value ? [old.value, value] : undefined);
  };
  const add = () => {
    const label = t('entityDesigner.options.newLabel', { n: options.length + 1 });
    const value = uniqueKey(
      `option${options.length + 1}`,
      options.map((o) => o.value),
    );
    setOptions([
      ...options,
      { value, label: { ru: label }, color: palette[options.length % palette.length]! },
    ]);
  };
  return (
    <fieldset className="fieldset ed-options" data-testid="enum-options">
      <legend>{t('entityDesigner.options.title')}</legend>
      <Messages messages={messagesAt(problems, `${pointer}/options`)} />
      <ol className="ed-option-list">
        {options.map((option, i) => {
          const at = `${pointer}/options/${i}`;
          const locked = publishedValues.has(option.value);
          const name = option.label?.ru || option.value;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: values may repeat while typed; the row is its position
            <li key={i} className="ed-option" data-testid={`enum-option-${i}`}>
              <span className="ed-option-colour">
                <input
                  type="color"
                  aria-label={t('entityDesigner.options.colour', { name })}
                  data-testid={`enum-option-${i}-colour`}
                  value={option.color ?? '#94a3b8'}
                  onChange={(e) => update(i, { ...option, color: e.target.value })}
                />
                {option.color ? (
                  <button
                    type="button"
                    className="linklike"
                    onClick={() => {
                      const { color: _, ...rest } = option;
                      update(i, rest);
                    }}
                  >
                    {t('entityDesigner.options.noColour')}
                  </button>
                ) : (
                  <span className="hint">{t('entityDesigner.options.noColourSet')}</span>
                )}
              </span>
              <div className="ed-option-body">
                <LocalizedInput
                  label={t('entityDesigner.options.label')}
                  testId={`enum-option-${i}-label`}
                  value={option.label}
                  problems={problemsUnder(problems, `${at}/label`).map((p) => p.message)}
                  onChange={(label) => update(i, { ...option, label: label ?? { ru: '' } })}
                />
                <label>
                  {t('entityDesigner.options.value')}
                  <input
                    className="mono"
                    data-testid={`enum-option-${i}-value`}
                    value={option.value}
                    readOnly={locked}
                    maxLength={100}
                    aria-invalid={messagesAt(problems, `${at}/value`).length > 0}
                    onChange={(e) => update(i, { ...option, value: e.target.value })}
                  />
                  {locked && <span className="hint">{t('entityDesigner.options.valueLocked')}</span>}
                  <Messages messages={messagesAt(problems, `${at}/value`)} />
                </label>
              </div>
              <span className="ed-field-actions">
                <button
                  type="button"
                  className="btn ghost ed-icon-btn"
                  aria-label={t('entityDesigner.fields.moveUp', { name })}
                  disabled={i === 0}
                  onClick={() => setOptions(move(options, i, -1))}
                >
                  <Icon name="up" />
                </button>
                <button
                  type="button"
                  className="btn ghost ed-icon-btn"
                  aria-label={t('entityDesigner.fields.moveDown', { name })}
                  disabled={i === options.length - 1}
                  onClick={() => setOptions(move(options, i, 1))}
                >
                  <Icon name="down" />
                </button>
                <button
                  type="button"
                  className="btn ghost ed-icon-btn"
                  aria-label={t('entityDesigner.options.remove', { name })}
                  disabled={options.length === 1}
                  onClick={() => setOptions(options.filter((_, j) => j !== i))}
                >
                  <Icon name="remove" />
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      <button type="button" className="btn" data-testid="enum-add-option" onClick={add}>
        + {t('entityDesigner.options.add')}
      </button>
      <TransitionsMatrix field={field} pointer={pointer} problems={problems} onChange={onChange} />
    </fieldset>
  );
}

/** The value an option gets from its label while nobody typed one: transliterated, unique in the list. */
function valueFor(label: string, options: readonly Option[], self: number): string {
  const base = keyFromLabel(label) || `option${self + 1}`;
  return uniqueKey(
    base,
    options.filter((_, i) => i !== self).map((o) => o.value),
  );
}

/** Transitions follow renamed options and forget removed ones. */
function transitionsAfter(
  field: EnumField,
  options: readonly Option[],
  renamed?: [string, string],
): Pick<EnumField, 'transitions'> {
  if (!field.transitions) return {};
  const values = new Set(options.map((o) => o.value));
  const name = (v: string) => (renamed && v === renamed[0] ? renamed[1] : v);
  const transitions: Record<string, string[]> = {};
  for (const [from, targets] of Object.entries(field.transitions)) {
    if (!values.has(name(from))) continue;
    transitions[name(from)] = targets.map(name).filter((v) => values.has(v));
  }
  return { transitions };
}
