import type { BlockOfType } from '@opora/runtime/bots';
import { useTranslation } from 'react-i18next';
import { DefinitionField, TextField } from '../../fields';
import type { PanelProps } from '../panel-props';

type Block = BlockOfType<'go-to-bot'>;

/** Go to another bot (or this one from the start), passing some or all variables. */
export function GoToBotPanel({ block, onChange }: PanelProps<Block>) {
  const { t } = useTranslation();
  return (
    <>
      <DefinitionField
        kind="bot"
        label={t('botDesigner.fields.bot')}
        value={block.bot ?? ''}
        emptyLabel={t('botDesigner.fields.botSelf')}
        testId="bd-go-to-bot"
        onChange={(bot) => {
          const { bot: _, ...rest } = block;
          onChange(bot ? { ...rest, bot } : rest);
        }}
      />
      <TextField
        label={t('botDesigner.fields.passVariables')}
        value={(block.variables ?? []).join(', ')}
        testId="bd-go-to-bot-variables"
        code
        onChange={(text) => {
          const variables = text
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
            .slice(0, 200);
          const { variables: _, ...rest } = block;
          onChange(variables.length ? { ...rest, variables } : rest, 'variables');
        }}
      />
    </>
  );
}
