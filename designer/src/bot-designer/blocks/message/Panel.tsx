import type { BlockOfType } from '@opora/runtime/bots';
import { useTranslation } from 'react-i18next';
import { TextsField } from '../../fields';
import type { PanelProps } from '../panel-props';

/** A message: its text in Russian and English (attachments stay in the JSON for now). */
export function MessagePanel({ block, onChange }: PanelProps<BlockOfType<'message'>>) {
  const { t } = useTranslation();
  return (
    <TextsField
      label={t('botDesigner.fields.text')}
      value={block.text}
      testId="bd-message-text"
      onChange={(text) => onChange({ ...block, text: text ?? { ru: '' } }, 'text')}
    />
  );
}
