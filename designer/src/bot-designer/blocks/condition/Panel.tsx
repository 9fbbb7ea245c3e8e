import type { BlockOfType } from '@opora/runtime/bots';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../fields';
import type { PanelProps } from '../panel-props';

/** A condition: an expression over the variables; «Да» when it holds, «Нет» otherwise. */
export function ConditionPanel({ block, onChange }: PanelProps<BlockOfType<'condition'>>) {
  const { t } = useTranslation();
  return (
    <TextField
      label={t('botDesigner.fields.expression')}
      value={block.expression}
      testId="bd-condition-expression"
      code
      hint={t('botDesigner.fields.expressionHint')}
      onChange={(expression) => onChange({ ...block, expression }, 'expression')}
    />
  );
}
