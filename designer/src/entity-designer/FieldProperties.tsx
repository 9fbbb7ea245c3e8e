import { type FieldType, indexable } from '@opora/runtime/definitions';
import { useTranslation } from 'react-i18next';
import { LocalizedInput } from '../components/LocalizedInput';
import { Messages } from '../components/Messages';
import type { EditorProblem } from '../state/use-definition-draft';
import { typedValueTypes, ValueInput } from './DefaultValueInput';
import { columnTypes, type Field, fieldTypes, keyFromLabel, uniqueKey, withType } from './entity-draft';
import { CheckInput, withProp, withValue } from './inputs';
import { messagesAt, problemsUnder, unplacedMessages } from './problems';
import { TypeOptions } from './TypeOptions';

/** Types where "unique" means something (one record per value); not long texts, yes/no, files or tables. */
const uniqueTypes = new Set([
  'string',
  'number',
  'money',
  'date',
  'datetime',
  'email',
  'phone',
  'url',
  'user',
  'relation',
]);

/**
 * Everything about one field: its labels, key, type, flags, default and help, then what its type allows.
 * A published field's key is locked (records hold values under it); changing its type is possible and explained.
 */
export function FieldProperties({
  field,
  pointer,
  problems,
  published,
  takenKeys,
  column = false,
  onChange,
}: {
  field: Field;
  pointer: string;
  problems: readonly EditorProblem[];
  /** The field with the same key in the latest published version. */
  published: Field | undefined;
  takenKeys: readonly string[];
  /** A table column: scalar types, no uniqueness. */
  column?: boolean;
  /** The changed field; a changed key is the caller's to carry into what names it (title field, rules). */
  onChange: (field: Field) => void;
}) {
  const { t } = useTranslation();
  const at = (prop: string) => messagesAt(problems, `${pointer}/${prop}`);
  const set = (prop: string, value: unknown) => onChange(withProp(field, prop, value));
  const keyLocked = published !== undefined;
  const autoKey =
    !keyLocked &&
    (/^field\d*$/.test(field.key) || field.key.replace(/\d+$/, '') === keyFromLabel(field.label?.ru ?? ''));
  const changeLabel = (label: Field['label']) => {
    const key =
      autoKey && label.ru !== field.label?.ru
        ? uniqueKey(keyFromLabel(label.ru) || 'field', takenKeys)
        : field.key;
    onChange({ ...field, label, key });
  };
  const types: readonly FieldType[] = column ? columnTypes : fieldTypes;
  const leftover = unplacedMessages(problems, pointer);
  return (
    <div className="ed-props form" data-testid={column ? 'column-properties' : 'field-properties'}>
      {leftover.length > 0 && (
        <div className="banner error" role="alert">
          <ul>
            {leftover.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </div>
      )}
      <LocalizedInput
        label={t('entityDesigner.props.label')}
        testId={column ? 'column-label' : 'field-label'}
        value={field.label}
        problems={problemsUnder(problems, `${pointer}/label`).map((p) => p.message)}
        onChange={(label) => changeLabel(label ?? { ru: '' })}
      />
      <div className="grid-form form">
        <label>
          {t('entityDesigner.props.key')}
          <input
            className="mono"
            data-testid={column ? 'column-key' : 'field-key'}
            value={field.key}
            readOnly={keyLocked}
            maxLength={63}
            aria-invalid={at('key').length > 0}
            onChange={(e) => onChange({ ...field, key: e.target.value })}
          />
          <span className="hint">
            {t(keyLocked ? 'entityDesigner.props.keyLocked' : 'entityDesigner.props.keyHint')}
          </span>
          <Messages messages={at('key')} />
        </label>
        <label>
          {t('entityDesigner.props.type')}
          <select
            data-testid={column ? 'column-type' : 'field-type'}
            value={field.type}
            aria-invalid={at('type').length > 0}
            onChange={(e) =>
              onChange(
                withType(field, e.target.value as FieldType, t('entityDesigner.options.newLabel', { n: 1 })),
              )
            }
          >
            {types.map((type) => (
              <option key={type} value={type}>
                {t(`entityDesigner.types.${type}`)}
              </option>
            ))}
          </select>
          {published && published.type !== field.type && (
            <span className="hint ed-warn">{t('entityDesigner.props.typeChanged')}</span>
          )}
          <Messages messages={at('type')} />
        </label>
      </div>
      <div className="ed-flags">
        <CheckInput
          label={t('entityDesigner.props.required')}
          testId={column ? 'column-required' : 'field-required'}
          checked={Boolean(field.required)}
          problems={at('required')}
          onChange={(v) => set('required', v)}
        />
        {!column && uniqueTypes.has(field.type) && (
          <CheckInput
            label={t('entityDesigner.props.unique')}
            checked={Boolean(field.unique)}
            problems={at('unique')}
            onChange={(v) => set('unique', v)}
          />
        )}
        {!column && indexable(field) && (
          <CheckInput
            label={t('entityDesigner.props.indexed')}
            hint={t('entityDesigner.props.indexedHint')}
            testId="field-indexed"
            checked={Boolean(field.indexed)}
            problems={at('indexed')}
            onChange={(v) => set('indexed', v)}
          />
        )}
        <CheckInput
          label={t('entityDesigner.props.readOnly')}
          hint={t('entityDesigner.props.readOnlyHint')}
          checked={Boolean(field.readOnly)}
          onChange={(v) => set('readOnly', v)}
        />
      </div>
      <TypeOptions
        field={field}
        pointer={pointer}
        problems={problems}
        published={published}
        onChange={onChange}
      />
      {typedValueTypes.has(field.type) && (
        <ValueInput
          field={field}
          label={t('entityDesigner.props.default')}
          testId={column ? 'column-default' : 'field-default'}
          value={field.default}
          problems={at('default')}
          onChange={(v) => onChange(withValue(field, 'default', v))}
        />
      )}
      <LocalizedInput
        label={t('entityDesigner.props.help')}
        optional
        multiline
        value={field.help}
        problems={problemsUnder(problems, `${pointer}/help`).map((p) => p.message)}
        onChange={(help) => set('help', help)}
      />
    </div>
  );
}
