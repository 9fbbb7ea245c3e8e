import { type AskInput, askInputs, type BlockOfType } from '@opora/runtime/bots';
import { useTranslation } from 'react-i18next';
import { NumberField, SelectField, TextField, TextsField } from '../../fields';
import { newOption } from '../../new-nodes';
import { OptionsField } from '../OptionsField';
import type { PanelProps } from '../panel-props';
import { RetryFields } from '../retry-fields';

type Block = BlockOfType<'ask'>;

/** Fields that belong to one kind of answer; switching the kind drops the others. */
const ownFields: Partial<Record<AskInput, (keyof Block)[]>> = {
  text: ['pattern'],
  number: ['min', 'max'],
  choice: ['options'],
  file: ['accept', 'maxSizeMb'],
  photo: ['accept', 'maxSizeMb'],
};
const allOwn = new Set(Object.values(ownFields).flat());

function withInput(block: Block, input: AskInput): Block {
  const keep = new Set(ownFields[input] ?? []);
  const next = Object.fromEntries(
    Object.entries(block).filter(([k]) => !allOwn.has(k as keyof Block) || keep.has(k as keyof Block)),
  ) as Block;
  if (input === 'choice' && !next.options?.length) next.options = [newOption([])];
  return { ...next, input };
}

function setOptional<K extends keyof Block>(block: Block, key: K, value: Block[K] | undefined): Block {
  const next = { ...block };
  if (value === undefined || value === '') delete next[key];
  else next[key] = value;
  return next;
}

/** A question: its text, what kind of answer it waits for and the checks of that kind, where it is kept. */
export function AskPanel({ block, onChange }: PanelProps<Block>) {
  const { t } = useTranslation();
  return (
    <>
      <TextsField
        label={t('botDesigner.fields.text')}
        value={block.text}
        testId="bd-ask-text"
        onChange={(text) => onChange({ ...block, text: text ?? { ru: '' } }, 'text')}
      />
      <SelectField
        label={t('botDesigner.fields.input')}
        value={block.input}
        testId="bd-ask-input"
        options={askInputs.map((value) => ({ value, label: t(`botDesigner.fields.inputs.${value}`) }))}
        onChange={(input) => onChange(withInput(block, input))}
      />
      <TextField
        label={t('botDesigner.fields.variable')}
        value={block.variable}
        testId="bd-ask-variable"
        code
        onChange={(variable) => onChange({ ...block, variable }, 'variable')}
      />
      {block.input === 'text' && (
        <TextField
          label={t('botDesigner.fields.pattern')}
          value={block.pattern ?? ''}
          testId="bd-ask-pattern"
          code
          onChange={(pattern) => onChange(setOptional(block, 'pattern', pattern), 'pattern')}
        />
      )}
      {block.input === 'number' && (
        <div className="bd-pair">
          <NumberField
            label={t('botDesigner.fields.min')}
            value={block.min}
            testId="bd-ask-min"
            onChange={(min) => onChange(setOptional(block, 'min', min), 'min')}
          />
          <NumberField
            label={t('botDesigner.fields.max')}
            value={block.max}
            testId="bd-ask-max"
            onChange={(max) => onChange(setOptional(block, 'max', max), 'max')}
          />
        </div>
      )}
      {block.input === 'choice' && (
        <OptionsField
          options={block.options ?? []}
          testId="bd-ask-options"
          onChange={(options, field) => onChange({ ...block, options }, field)}
        />
      )}
      {(block.input === 'file' || block.input === 'photo') && (
        <>
          <TextField
            label={t('botDesigner.fields.accept')}
            value={(block.accept ?? []).join(', ')}
            testId="bd-ask-accept"
            code
            onChange={(text) => {
              const accept = text
                .split(',')
                .map((s) => s.trim())
                .filter(Boolean)
                .slice(0, 20);
              onChange(setOptional(block, 'accept', accept.length ? accept : undefined), 'accept');
            }}
          />
          <NumberField
            label={t('botDesigner.fields.maxSizeMb')}
            value={block.maxSizeMb}
            min={0}
            max={100}
            testId="bd-ask-size"
            onChange={(maxSizeMb) => onChange(setOptional(block, 'maxSizeMb', maxSizeMb), 'maxSizeMb')}
          />
        </>
      )}
      <RetryFields block={block} onChange={onChange} />
    </>
  );
}
