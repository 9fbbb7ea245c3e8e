import type { NodeOfType } from '@opora/runtime/processes';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../../bot-designer/fields';
import { optionsOf } from '../options';
import { type PanelProps, withConfig } from '../panel-props';

/** How a token ends: its branch only, the whole process, or with an error for the enclosing boundary. */
export function EndEventPanel({ node, onChange }: PanelProps<NodeOfType<'bpmn.endEvent'>>) {
  const { t } = useTranslation();
  const c = node.config;
  return (
    <>
      <SelectField
        label={t('processDesigner.fields.result')}
        value={c.result}
        options={optionsOf(t, 'results', ['none', 'terminate', 'error'] as const)}
        testId="prd-end-result"
        onChange={(result) => onChange(withConfig(node, { result, errorCode: undefined }))}
      />
      {c.result === 'error' && (
        <TextField
          label={t('processDesigner.fields.errorCode')}
          value={c.errorCode ?? ''}
          code
          testId="prd-end-error"
          onChange={(errorCode) => onChange(withConfig(node, { errorCode }), 'errorCode')}
        />
      )}
    </>
  );
}
