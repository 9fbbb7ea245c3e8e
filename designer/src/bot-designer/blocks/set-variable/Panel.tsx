import type { BlockOfType } from '@opora/runtime/bots';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../fields';
import type { PanelProps } from '../panel-props';

type Block = BlockOfType<'set-variable'>;

/** Sets a variable to a text with variables or to a computed value. */
export function SetVariablePanel({ block, onChange }: PanelProps<Block>) {
  const { t } = useTranslation();
  const kind = 'expression' in block.value ? 'expression' : 'template';
  const text = 'expression' in block.value ? block.value.expression : block.value.template;
  return (
    <>
      <TextField
        label={t('botDesigner.fields.variable')}
        value={block.variable}
        testId="bd-set-variable"
        code
        onChange={(variable) => onChange({ ...block, variable }, 'variable')}
      />
      <SelectField
        label={t('botDesigner.fields.valueKind')}
        value={kind}
        testId="bd-set-kind"
        options={[
          { value: 'template', label: t('botDesigner.fields.template') },
          { value: 'expression', label: t('botDesigner.fields.expression') },
        ]}
        onChange={(next) =>
          onChange({
            ...block,
            value: next === 'expression' ? { expression: text || 'true' } : { template: text },
          })
        }
      />
      <TextField
        label={t(kind === 'expression' ? 'botDesigner.fields.expression' : 'botDesigner.fields.value')}
        value={text}
        testId="bd-set-value"
        code={kind === 'expression'}
        hint={kind === 'expression' ? t('botDesigner.fields.expressionHint') : undefined}
        onChange={(value) =>
          onChange(
            { ...block, value: kind === 'expression' ? { expression: value } : { template: value } },
            'value',
          )
        }
      />
    </>
  );
}
