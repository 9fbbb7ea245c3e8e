import type { BlockOfType } from '@opora/runtime/bots';
import { useTranslation } from 'react-i18next';
import { DefinitionField, TextField, ValueMapField } from '../../fields';
import { OutputField } from '../output-field';
import type { PanelProps } from '../panel-props';

type Block = BlockOfType<'process'>;

/** A process: which published process to start, with which variables, about which record (a request, say). */
export function ProcessPanel({ block, onChange }: PanelProps<Block>) {
  const { t } = useTranslation();
  const withRecord = (record: Block['record']): Block => {
    const { record: _, ...rest } = block;
    return record ? { ...rest, record } : rest;
  };
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
      <DefinitionField
        kind="entity"
        label={t('botDesigner.fields.processRecord')}
        emptyLabel={t('botDesigner.fields.processRecordNone')}
        value={block.record?.entity ?? ''}
        testId="bd-process-record-entity"
        onChange={(entity) =>
          onChange(withRecord(entity ? { entity, id: block.record?.id ?? '' } : undefined))
        }
      />
      {block.record && (
        <TextField
          label={t('botDesigner.fields.recordId')}
          value={block.record.id}
          testId="bd-process-record-id"
          code
          onChange={(id) => onChange(withRecord({ entity: block.record!.entity, id }), 'record')}
        />
      )}
      <OutputField block={block} onChange={onChange} />
    </>
  );
}
