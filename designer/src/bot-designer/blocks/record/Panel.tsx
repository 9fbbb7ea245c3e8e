import type { BlockOfType } from '@opora/runtime/bots';
import { useTranslation } from 'react-i18next';
import { DefinitionField, SelectField, TextField, ValueMapField } from '../../fields';
import { OutputField } from '../output-field';
import type { PanelProps } from '../panel-props';

type Block = BlockOfType<'record'>;

/** A record: create one of a data type, or update one by id; field values are texts with variables. */
export function RecordPanel({ block, onChange }: PanelProps<Block>) {
  const { t } = useTranslation();
  return (
    <>
      <SelectField
        label={t('botDesigner.fields.mode')}
        value={block.mode}
        testId="bd-record-mode"
        options={(['create', 'update'] as const).map((value) => ({
          value,
          label: t(`botDesigner.fields.modes.${value}`),
        }))}
        onChange={(mode) => {
          const { recordId: _, ...rest } = block;
          onChange(mode === 'update' ? { ...block, mode } : { ...rest, mode });
        }}
      />
      <DefinitionField
        kind="entity"
        label={t('botDesigner.fields.entity')}
        value={block.entity}
        testId="bd-record-entity"
        onChange={(entity) => onChange({ ...block, entity })}
      />
      {block.mode === 'update' && (
        <TextField
          label={t('botDesigner.fields.recordId')}
          value={block.recordId ?? ''}
          testId="bd-record-id"
          code
          onChange={(recordId) => {
            const { recordId: _, ...rest } = block;
            onChange(recordId ? { ...rest, recordId } : rest, 'recordId');
          }}
        />
      )}
      <ValueMapField
        label={t('botDesigner.fields.values')}
        value={block.values}
        testId="bd-record-values"
        onChange={(values) => onChange({ ...block, values }, 'values')}
      />
      <OutputField block={block} onChange={onChange} />
    </>
  );
}
