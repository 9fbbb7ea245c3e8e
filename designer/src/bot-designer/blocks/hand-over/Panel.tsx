import type { BlockOfType } from '@opora/runtime/bots';
import { useTranslation } from 'react-i18next';
import { DefinitionField, TextsField } from '../../fields';
import type { PanelProps } from '../panel-props';

type Block = BlockOfType<'hand-over'>;

/** A hand-over: to which line, what the client is told, and the summary the operator sees. */
export function HandOverPanel({ block, onChange }: PanelProps<Block>) {
  const { t } = useTranslation();
  const setRow = (index: number, row: Block['summary'][number]) =>
    onChange({ ...block, summary: block.summary.map((r, i) => (i === index ? row : r)) }, `summary:${index}`);
  return (
    <>
      <DefinitionField
        kind="line"
        label={t('botDesigner.fields.line')}
        value={block.line}
        testId="bd-hand-over-line"
        onChange={(line) => onChange({ ...block, line })}
      />
      <TextsField
        label={t('botDesigner.fields.text')}
        value={block.text}
        optional
        testId="bd-hand-over-text"
        onChange={(text) => {
          const { text: _, ...rest } = block;
          onChange(text ? { ...rest, text } : rest, 'text');
        }}
      />
      <fieldset className="bd-rows" data-testid="bd-hand-over-summary">
        <legend>{t('botDesigner.fields.summary')}</legend>
        {block.summary.map((row, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: names change while typed; the row is its position
          <div className="bd-row" key={i}>
            <input
              aria-label={t('botDesigner.fields.summaryLabel')}
              placeholder={t('botDesigner.fields.summaryLabel')}
              value={row.label.ru}
              maxLength={200}
              onChange={(e) => setRow(i, { ...row, label: { ...row.label, ru: e.target.value } })}
            />
            <input
              spellCheck={false}
              aria-label={t('botDesigner.fields.summaryVariable')}
              placeholder={t('botDesigner.fields.summaryVariable')}
              value={row.variable}
              maxLength={200}
              onChange={(e) => setRow(i, { ...row, variable: e.target.value })}
            />
            <button
              type="button"
              className="btn ghost"
              aria-label={t('botDesigner.panel.removeRow')}
              onClick={() => onChange({ ...block, summary: block.summary.filter((_, j) => j !== i) })}
            >
              ×
            </button>
          </div>
        ))}
        <button
          type="button"
          className="btn"
          disabled={block.summary.length >= 50}
          onClick={() =>
            onChange({
              ...block,
              summary: [...block.summary, { label: { ru: 'Вопрос' }, variable: 'lastMessage' }],
            })
          }
        >
          + {t('botDesigner.fields.addSummary')}
        </button>
      </fieldset>
    </>
  );
}
