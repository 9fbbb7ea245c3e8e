import type { NodeOfType } from '@opora/runtime/processes';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../../bot-designer/fields';
import { DurationField } from '../DurationField';
import { optionsOf } from '../options';
import { type PanelProps, withConfig } from '../panel-props';

type Node = NodeOfType<'bpmn.intermediateCatchEvent'>;

/** A token waits here: for a time (a duration, a date, a schedule) or for a message matched by a key. */
export function IntermediateCatchEventPanel({ node, onChange }: PanelProps<Node>) {
  const { t } = useTranslation();
  const c = node.config;
  const set = (patch: Partial<Node['config']>, field?: string) => onChange(withConfig(node, patch), field);
  return (
    <>
      <SelectField
        label={t('processDesigner.fields.kind')}
        value={c.kind}
        options={optionsOf(t, 'catchKinds', ['timer', 'message'] as const)}
        testId="prd-catch-kind"
        onChange={(kind) =>
          onChange({ ...node, config: kind === 'timer' ? { kind, durationSeconds: 3600 } : { kind } })
        }
      />
      {c.kind === 'timer' ? (
        <>
          <DurationField
            label={t('processDesigner.fields.duration')}
            value={c.durationSeconds}
            testId="prd-catch-duration"
            onChange={(durationSeconds) => set({ durationSeconds }, 'duration')}
          />
          <TextField
            label={t('processDesigner.fields.timeDate')}
            value={c.timeDate ?? ''}
            code
            testId="prd-catch-time"
            onChange={(timeDate) => set({ timeDate }, 'timeDate')}
          />
          <TextField
            label={t('processDesigner.fields.cron')}
            value={c.cron ?? ''}
            code
            testId="prd-catch-cron"
            onChange={(cron) => set({ cron }, 'cron')}
          />
        </>
      ) : (
        <>
          <TextField
            label={t('processDesigner.fields.message')}
            value={c.message ?? ''}
            code
            testId="prd-catch-message"
            onChange={(message) => set({ message }, 'message')}
          />
          <TextField
            label={t('processDesigner.fields.correlationKey')}
            value={c.correlationKey ?? ''}
            code
            testId="prd-catch-correlation"
            onChange={(correlationKey) => set({ correlationKey }, 'correlationKey')}
          />
        </>
      )}
    </>
  );
}
