import { useTranslation } from 'react-i18next';
import type { EditorProblem } from '../state/use-definition-draft';
import { EnumOptionsEditor } from './EnumOptionsEditor';
import type { Field } from './entity-draft';
import { CheckInput, NumberInput, withProp } from './inputs';
import { PatternInput } from './PatternInput';
import { messagesAt } from './problems';
import { RelationTargetPicker } from './RelationTargetPicker';
import { TableColumnsEditor } from './TableColumnsEditor';

type Loose = Field & Record<string, unknown>;

/** The options only some types have: limits, pattern, currency, choice list, target, files, table columns. */
export function TypeOptions({
  field,
  pointer,
  problems,
  published,
  onChange,
}: {
  field: Field;
  pointer: string;
  problems: readonly EditorProblem[];
  published: Field | undefined;
  onChange: (field: Field) => void;
}) {
  const { t } = useTranslation();
  const loose = field as Loose;
  const at = (prop: string) => messagesAt(problems, `${pointer}/${prop}`);
  const set = (prop: string, value: unknown) => onChange(withProp(field, prop, value));
  const number = (
    prop: 'min' | 'max' | 'minLength' | 'maxLength' | 'maxSizeMb',
    integer = false,
    hint?: string,
  ) => (
    <NumberInput
      label={t(`entityDesigner.props.${prop}`)}
      testId={`field-${prop}`}
      value={loose[prop] as number | undefined}
      integer={integer}
      min={integer ? 0 : undefined}
      hint={hint}
      problems={at(prop)}
      onChange={(v) => set(prop, v)}
    />
  );
  switch (field.type) {
    case 'string':
      return (
        <>
          <div className="grid-form form">
            {number('minLength', true)}
            {number('maxLength', true, t('entityDesigner.props.maxLengthDefault', { n: 1000 }))}
          </div>
          <PatternInput value={field.pattern} onChange={(v) => set('pattern', v)} problems={at('pattern')} />
        </>
      );
    case 'text':
      return <div className="grid-form form">{number('maxLength', true)}</div>;
    case 'number':
    case 'money':
      return (
        <>
          <div className="grid-form form">
            {number('min')}
            {number('max')}
          </div>
          {field.type === 'number' ? (
            <CheckInput
              label={t('entityDesigner.props.integer')}
              checked={Boolean(field.integer)}
              problems={at('integer')}
              onChange={(v) => set('integer', v)}
            />
          ) : (
            <label>
              {t('entityDesigner.props.currency')}
              <input
                className="mono"
                value={field.currency ?? ''}
                maxLength={3}
                placeholder="RUB"
                onChange={(e) => set('currency', e.target.value.toUpperCase() || undefined)}
              />
            </label>
          )}
        </>
      );
    case 'enum':
      return (
        <EnumOptionsEditor
          field={field}
          pointer={pointer}
          problems={problems}
          publishedValues={new Set(published?.type === 'enum' ? published.options.map((o) => o.value) : [])}
          onChange={onChange}
        />
      );
    case 'file':
      return (
        <>
          <CheckInput
            label={t('entityDesigner.props.multiple')}
            checked={Boolean(field.multiple)}
            onChange={(v) => set('multiple', v)}
          />
          <div className="grid-form form">
            {number('maxSizeMb')}
            <label>
              {t('entityDesigner.props.accept')}
              <input
                value={(field.accept ?? []).join(', ')}
                placeholder=".pdf, image/*"
                onChange={(e) => {
                  const list = e.target.value
                    .split(',')
                    .map((s) => s.trim())
                    .filter(Boolean);
                  set('accept', list.length ? list : undefined);
                }}
              />
            </label>
          </div>
        </>
      );
    case 'user':
      return (
        <CheckInput
          label={t('entityDesigner.props.multipleUsers')}
          checked={Boolean(field.multiple)}
          onChange={(v) => set('multiple', v)}
        />
      );
    case 'relation':
      return (
        <>
          <RelationTargetPicker
            value={field.entity ?? ''}
            onChange={(v) => set('entity', v)}
            problems={at('entity')}
          />
          <CheckInput
            label={t('entityDesigner.props.many')}
            checked={Boolean(field.many)}
            onChange={(v) => set('many', v)}
          />
        </>
      );
    case 'table':
      return (
        <TableColumnsEditor
          field={field}
          pointer={pointer}
          problems={problems}
          published={published}
          onChange={onChange}
        />
      );
    default:
      return null;
  }
}
