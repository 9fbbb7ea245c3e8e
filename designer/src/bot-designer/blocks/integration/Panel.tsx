import type { BlockOfType } from '@opora/runtime/bots';
import { useTranslation } from 'react-i18next';
import { DefinitionField, TextField, ValueMapField } from '../../fields';
import { OutputField } from '../output-field';
import type { PanelProps } from '../panel-props';

/** An integration call: which published integration and operation, the values it gets, where the answer goes. */
export function IntegrationPanel({ block, onChange }: PanelProps<BlockOfType<'integration'>>) {
  const { t } = useTranslation();
  return (
    <>
      <DefinitionField
        kind="integration"
        label={t('botDesigner.fields.integration')}
        value={block.integration}
        testId="bd-integration"
        onChange={(integration) => onChange({ ...block, integration })}
      />
      <TextField
        label={t('botDesigner.fields.operation')}
        value={block.operation}
        testId="bd-integration-operation"
        code
        onChange={(operation) => onChange({ ...block, operation }, 'operation')}
      />
      <ValueMapField
        label={t('botDesigner.fields.input_')}
        value={block.input}
        testId="bd-integration-input"
        onChange={(input) => onChange({ ...block, input }, 'input')}
      />
      <OutputField block={block} onChange={onChange} />
    </>
  );
}
