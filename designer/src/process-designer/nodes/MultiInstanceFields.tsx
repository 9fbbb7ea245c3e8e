import type { MultiInstance } from '@opora/runtime/processes';
import { useTranslation } from 'react-i18next';
import { CheckField, SelectField, TextField } from '../../bot-designer/fields';
import { editedMultiInstance, elementNameProblem, toggledMultiInstance } from './multi-instance-config';

const modes = ['parallel', 'sequential'] as const;

/**
 * «For each item of a list» of a task, sub-process or call activity: whether it runs once per item, in parallel or
 * one after another, over which list, under which variable name, and when it may finish early. Off, the
 * setting is gone (`undefined`).
 */
export function MultiInstanceFields({
  value,
  onChange,
}: {
  value: MultiInstance | undefined;
  /** `field` groups consecutive edits of one field into one undo step. */
  onChange: (next: MultiInstance | undefined, field?: string) => void;
}) {
  const { t } = useTranslation();
  const edit = (patch: Partial<MultiInstance>, field?: string) =>
    value && onChange(editedMultiInstance(value, patch), field);
  const elementProblem = value ? elementNameProblem(value.element) : null;
  return (
    <fieldset className="prd-multi" data-testid="prd-multi">
      <CheckField
        label={t('processDesigner.multi.on')}
        value={!!value}
        testId="prd-multi-on"
        onChange={(on) => onChange(toggledMultiInstance(value, on))}
      />
      {value && (
        <>
          <SelectField
            label={t('processDesigner.multi.mode')}
            value={value.mode}
            options={modes.map((m) => ({ value: m, label: t(`processDesigner.multi.modes.${m}`) }))}
            testId="prd-multi-mode"
            onChange={(mode) => edit({ mode })}
          />
          <TextField
            label={t('processDesigner.multi.collection')}
            value={value.collection}
            code
            hint={t('processDesigner.multi.collectionHint')}
            testId="prd-multi-collection"
            onChange={(collection) => edit({ collection }, 'multiCollection')}
          />
          {!value.collection.trim() && (
            <span className="field-error" role="alert" data-testid="prd-multi-collection-error">
              {t('processDesigner.multi.collectionRequired')}
            </span>
          )}
          <TextField
            label={t('processDesigner.multi.element')}
            value={value.element}
            code
            hint={t('processDesigner.multi.elementHint')}
            testId="prd-multi-element"
            onChange={(element) => edit({ element: element.trim() }, 'multiElement')}
          />
          {elementProblem && (
            <span className="field-error" role="alert" data-testid="prd-multi-element-error">
              {t(`processDesigner.multi.${elementProblem}`)}
            </span>
          )}
          <TextField
            label={t('processDesigner.multi.completion')}
            value={value.completionCondition ?? ''}
            code
            hint={t('processDesigner.multi.completionHint')}
            testId="prd-multi-completion"
            onChange={(completionCondition) => edit({ completionCondition }, 'multiCompletion')}
          />
        </>
      )}
    </fieldset>
  );
}
