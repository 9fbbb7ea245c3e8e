import type { NodeOfType } from '@opora/runtime/processes';
import { useTranslation } from 'react-i18next';
import { DefinitionField, SelectField, TextField } from '../../../bot-designer/fields';
import { optionsOf } from '../options';
import { type PanelProps, withConfig } from '../panel-props';

/** Where an instance starts, and what starts it: by hand, a form, a record, a timer or a message. */
export function StartEventPanel({ node, onChange }: PanelProps<NodeOfType<'bpmn.startEvent'>>) {
  const { t } = useTranslation();
  const c = node.config;
  const set = (patch: Partial<typeof c>, field?: string) => onChange(withConfig(node, patch), field);
  return (
    <>
      <SelectField
        label={t('processDesigner.fields.trigger')}
        value={c.trigger}
        options={optionsOf(t, 'triggers', ['none', 'form', 'record', 'timer', 'message'] as const)}
        testId="prd-start-trigger"
        onChange={(trigger) => set({ trigger })}
      />
      {c.trigger === 'form' && (
        <DefinitionField
          kind="form"
          label={t('processDesigner.fields.form')}
          value={c.form ?? ''}
          testId="prd-start-form"
          onChange={(form) => set({ form })}
        />
      )}
      {c.trigger === 'record' && (
        <>
          <DefinitionField
            kind="entity"
            label={t('processDesigner.fields.entity')}
            value={c.entity ?? ''}
            testId="prd-start-entity"
            onChange={(entity) => set({ entity })}
          />
          <SelectField
            label={t('processDesigner.fields.on')}
            value={c.on ?? 'created'}
            options={optionsOf(t, 'ons', ['created', 'statusChanged'] as const)}
            testId="prd-start-on"
            onChange={(on) => set({ on })}
          />
          {c.on === 'statusChanged' && (
            <TextField
              label={t('processDesigner.fields.status')}
              value={c.status ?? ''}
              code
              testId="prd-start-status"
              onChange={(status) => set({ status }, 'status')}
            />
          )}
        </>
      )}
      {c.trigger === 'timer' && (
        <>
          <TextField
            label={t('processDesigner.fields.cron')}
            value={c.cron ?? ''}
            code
            placeholder="0 9 * * 1-5"
            testId="prd-start-cron"
            onChange={(cron) => set({ cron }, 'cron')}
          />
          <TextField
            label={t('processDesigner.fields.timeDate')}
            value={c.timeDate ?? ''}
            code
            placeholder="2027-01-01T09:00:00Z"
            testId="prd-start-time"
            onChange={(timeDate) => set({ timeDate }, 'timeDate')}
          />
        </>
      )}
      {c.trigger === 'message' && (
        <TextField
          label={t('processDesigner.fields.message')}
          value={c.message ?? ''}
          code
          testId="prd-start-message"
          onChange={(message) => set({ message }, 'message')}
        />
      )}
    </>
  );
}
