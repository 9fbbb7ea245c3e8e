import type { BlockOfType } from '@opora/runtime/bots';
import { useTranslation } from 'react-i18next';
import { DefinitionField, ValueMapField } from '../../fields';
import { OutputField } from '../output-field';
import type { PanelProps } from '../panel-props';

/** A script: which published script, the values it gets, where its result goes. */
export function ScriptPanel({ block, onChange }: PanelProps<BlockOfType<'script'>>) {
  const { t } = useTranslation();
  return (
    <>
      <DefinitionField
        kind="script"
        label={t('botDesigner.fields.script')}
        value={block.script}
        testId="bd-script"
        onChange={(script) => onChange({ ...block, script })}
      />
      <ValueMapField
        label={t('botDesigner.fields.input_')}
        value={block.input}
        testId="bd-script-input"
        onChange={(input) => onChange({ ...block, input }, 'input')}
      />
      <OutputField block={block} onChange={onChange} />
    </>
  );
}
