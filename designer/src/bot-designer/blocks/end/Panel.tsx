import type { BlockOfType } from '@opora/runtime/bots';
import { useTranslation } from 'react-i18next';
import { TextsField } from '../../fields';
import type { PanelProps } from '../panel-props';

/** The end of the conversation, with a last message if wanted. */
export function EndPanel({ block, onChange }: PanelProps<BlockOfType<'end'>>) {
  const { t } = useTranslation();
  return (
    <TextsField
      label={t('botDesigner.fields.endText')}
      value={block.text}
      optional
      testId="bd-end-text"
      onChange={(text) => {
        const { text: _, ...rest } = block;
        onChange(text ? { ...rest, text } : rest, 'text');
      }}
    />
  );
}
