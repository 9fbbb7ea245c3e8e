import { type BlockOfType, maxWaitSeconds } from '@opora/runtime/bots';
import { useTranslation } from 'react-i18next';
import { CheckField, NumberField } from '../../fields';
import type { PanelProps } from '../panel-props';

/** A wait: how long, and whether the client's message cuts it short. */
export function WaitPanel({ block, onChange }: PanelProps<BlockOfType<'wait'>>) {
  const { t } = useTranslation();
  return (
    <>
      <NumberField
        label={t('botDesigner.fields.seconds')}
        value={block.seconds}
        min={1}
        max={maxWaitSeconds}
        step={1}
        testId="bd-wait-seconds"
        onChange={(seconds) =>
          onChange({ ...block, seconds: Math.max(0, Math.round(seconds ?? 0)) }, 'seconds')
        }
      />
      <CheckField
        label={t('botDesigner.fields.interruptible')}
        value={block.interruptible}
        testId="bd-wait-interruptible"
        onChange={(interruptible) => onChange({ ...block, interruptible })}
      />
    </>
  );
}
