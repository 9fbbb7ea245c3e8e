import type { NodeOfType } from '@opora/runtime/processes';
import { useTranslation } from 'react-i18next';
import {
  DefinitionField,
  SelectField,
  TextField,
  TextsField,
  ValueMapField,
} from '../../../bot-designer/fields';
import { AssigneeFields } from '../AssigneeFields';
import { optionsOf } from '../options';
import { type PanelProps, withConfig } from '../panel-props';

type Node = NodeOfType<'bpmn.serviceTask'>;
const actions = [
  'script',
  'integration',
  'createRecord',
  'updateRecord',
  'setStatus',
  'clientMessage',
  'notifyStaff',
] as const;

/** An automatic step: the action, and only the fields that action needs. */
export function ServiceTaskPanel({ node, onChange }: PanelProps<Node>) {
  const { t } = useTranslation();
  const c = node.config;
  const set = (patch: Partial<Node['config']>, field?: string) => onChange(withConfig(node, patch), field);
  const a = c.action;
  return (
    <>
      <SelectField
        label={t('processDesigner.fields.action')}
        value={a}
        options={optionsOf(t, 'actions', actions)}
        testId="prd-service-action"
        onChange={(action) =>
          onChange({ ...node, config: { action, ...(c.output ? { output: c.output } : {}) } })
        }
      />
      {a === 'script' && (
        <DefinitionField
          kind="script"
          label={t('processDesigner.fields.script')}
          value={c.script ?? ''}
          testId="prd-service-script"
          onChange={(script) => set({ script })}
        />
      )}
      {a === 'integration' && (
        <>
          <DefinitionField
            kind="integration"
            label={t('processDesigner.fields.integration')}
            value={c.integration ?? ''}
            testId="prd-service-integration"
            onChange={(integration) => set({ integration })}
          />
          <TextField
            label={t('processDesigner.fields.operation')}
            value={c.operation ?? ''}
            code
            testId="prd-service-operation"
            onChange={(operation) => set({ operation }, 'operation')}
          />
        </>
      )}
      {(a === 'script' || a === 'integration') && (
        <ValueMapField
          label={t('processDesigner.fields.input')}
          value={c.input ?? {}}
          testId="prd-service-input"
          onChange={(input) => set({ input: Object.keys(input).length ? input : undefined }, 'input')}
        />
      )}
      {(a === 'createRecord' || a === 'updateRecord') && (
        <>
          <DefinitionField
            kind="entity"
            label={t('processDesigner.fields.entity')}
            value={c.entity ?? ''}
            testId="prd-service-entity"
            onChange={(entity) => set({ entity })}
          />
          {a === 'updateRecord' && (
            <TextField
              label={t('processDesigner.fields.recordId')}
              value={c.recordId ?? ''}
              code
              testId="prd-service-record"
              onChange={(recordId) => set({ recordId }, 'recordId')}
            />
          )}
          <ValueMapField
            label={t('processDesigner.fields.values')}
            value={c.values ?? {}}
            testId="prd-service-values"
            onChange={(values) => set({ values: Object.keys(values).length ? values : undefined }, 'values')}
          />
        </>
      )}
      {a === 'setStatus' && (
        <TextField
          label={t('processDesigner.fields.status')}
          value={c.status ?? ''}
          code
          testId="prd-service-status"
          onChange={(status) => set({ status }, 'status')}
        />
      )}
      {a === 'notifyStaff' && (
        <AssigneeFields
          value={c.to ?? { kind: 'role', value: '' }}
          testId="prd-service-to"
          onChange={(to, field) => set({ to: to.value ? to : undefined }, field)}
        />
      )}
      {(a === 'clientMessage' || a === 'notifyStaff') && (
        <TextsField
          label={t('processDesigner.fields.text')}
          value={c.text}
          testId="prd-service-text"
          onChange={(text) => set({ text }, 'text')}
        />
      )}
      <TextField
        label={t('processDesigner.fields.output')}
        value={c.output ?? ''}
        code
        testId="prd-service-output"
        onChange={(output) => set({ output }, 'output')}
      />
    </>
  );
}
