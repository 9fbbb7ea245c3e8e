import type { BlockOfType } from '@opora/runtime/bots';
import { useTranslation } from 'react-i18next';
import { NumberField, TextField, TextsField } from '../../fields';
import type { PanelProps } from '../panel-props';

type Block = BlockOfType<'kb-search'>;

const clamp = (n: number | undefined, min: number, max: number) => Math.max(min, Math.min(max, n ?? min));

/** A knowledge-base search: what to search, how many articles and rounds, the texts around them. */
export function KbSearchPanel({ block, onChange }: PanelProps<Block>) {
  const { t } = useTranslation();
  const optionalText = (key: 'text' | 'askAgainText') => (value: Block['text']) => {
    const next = { ...block };
    if (value) next[key] = value;
    else delete next[key];
    onChange(next, key);
  };
  return (
    <>
      <TextField
        label={t('botDesigner.fields.query')}
        value={block.query ?? ''}
        placeholder="{{lastMessage}}"
        hint={t('botDesigner.fields.queryHint')}
        testId="bd-kb-query"
        code
        onChange={(query) => {
          const { query: _, ...rest } = block;
          onChange(query ? { ...rest, query } : rest, 'query');
        }}
      />
      <div className="bd-pair">
        <NumberField
          label={t('botDesigner.fields.limit')}
          value={block.limit}
          min={1}
          max={10}
          testId="bd-kb-limit"
          onChange={(limit) => onChange({ ...block, limit: clamp(limit, 1, 10) }, 'limit')}
        />
        <NumberField
          label={t('botDesigner.fields.rounds')}
          value={block.rounds}
          min={1}
          max={5}
          testId="bd-kb-rounds"
          onChange={(rounds) => onChange({ ...block, rounds: clamp(rounds, 1, 5) }, 'rounds')}
        />
      </div>
      <TextsField
        label={t('botDesigner.fields.text')}
        value={block.text}
        optional
        testId="bd-kb-text"
        onChange={optionalText('text')}
      />
      <TextsField
        label={t('botDesigner.fields.askAgainText')}
        value={block.askAgainText}
        optional
        testId="bd-kb-again"
        onChange={optionalText('askAgainText')}
      />
    </>
  );
}
