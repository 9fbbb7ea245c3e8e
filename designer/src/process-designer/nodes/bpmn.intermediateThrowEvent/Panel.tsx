import type { NodeOfType } from '@opora/runtime/processes';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../../bot-designer/fields';
import { optionsOf } from '../options';
import { type PanelProps, withConfig } from '../panel-props';

/** A milestone the token passes, or a message thrown to whoever waits for it. */
export function IntermediateThrowEventPanel({
  node,
  onChange,
}: PanelProps<NodeOfType<'bpmn.intermediateThrowEvent'>>) {
  const { t } = useTranslation();
  const c = node.config;
  return (
    <>
      <SelectField
        label={t('processDesigner.fields.kind')}
        value={c.kind}
        options={optionsOf(t, 'throwKinds', ['none', 'message'] as const)}
        testId="prd-throw-kind"
        onChange={(kind) => onChange({ ...node, config: { kind } })}
      />
      {c.kind === 'message' && (
        <TextField
          label={t('processDesigner.fields.message')}
          value={c.message ?? ''}
          code
          testId="prd-throw-message"
          onChange={(message) => onChange(withConfig(node, { message }), 'message')}
        />
      )}
    </>
  );
}
