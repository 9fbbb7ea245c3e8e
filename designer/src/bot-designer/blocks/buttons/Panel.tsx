import type { BlockOfType } from '@opora/runtime/bots';
import { useTranslation } from 'react-i18next';
import { TextField, TextsField } from '../../fields';
import { OptionsField } from '../OptionsField';
import type { PanelProps } from '../panel-props';
import { RetryFields } from '../retry-fields';

type Block = BlockOfType<'buttons'>;

/** Buttons: the question, its options (each an exit of its own), where the choice is kept, the retries. */
export function ButtonsPanel({ block, onChange }: PanelProps<Block>) {
  const { t } = useTranslation();
  return (
    <>
      <TextsField
        label={t('botDesigner.fields.text')}
        value={block.text}
        testId="bd-buttons-text"
        onChange={(text) => onChange({ ...block, text: text ?? { ru: '' } }, 'text')}
      />
      <OptionsField
        options={block.options}
        testId="bd-options"
        onChange={(options, field) => {
          // A removed option's exit goes with it: it could never be taken.
          const ids = new Set(options.map((o) => `option:${o.id}`));
          const exits = Object.fromEntries(
            Object.entries(block.exits).filter(([exit]) => !exit.startsWith('option:') || ids.has(exit)),
          );
          onChange({ ...block, options, exits }, field);
        }}
      />
      <TextField
        label={t('botDesigner.fields.variableOptional')}
        value={block.variable ?? ''}
        testId="bd-buttons-variable"
        code
        onChange={(variable) => {
          const { variable: _, ...rest } = block;
          onChange(variable ? { ...rest, variable } : rest, 'variable');
        }}
      />
      <RetryFields block={block} onChange={onChange} />
    </>
  );
}
