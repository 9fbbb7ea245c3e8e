import type { BlockOfType } from '@opora/runtime/bots';
import { useTranslation } from 'react-i18next';
import { DefinitionField, ValueMapField } from '../../fields';
import { OutputField } from '../output-field';
import type { PanelProps } from '../panel-props';

/** A process: which published process to start, with which variables. */
export function ProcessPanel({ block, onChange }: PanelProps<BlockOfType<'process'>>) {
  const { t } = useTranslation();
  return (
    <>
      <DefinitionField
        kind="process"
        label={t('botDesigner.fields.process')}
        value={block.process}
        testId="bd-process"
        onChange={(process) => onChange({ ...block, process })}
      />
      <ValueMapField
        label={t('botDesigner.fields.variables')}
        value={block.variables}
        testId="bd-process-variables"
        onChange={(variables) => onChange({ ...block, variables }, 'variables')}
      />
      <OutputField block={block} onChange={onChange} />
    </>
  );
}
