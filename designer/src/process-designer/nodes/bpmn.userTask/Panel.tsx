import type { NodeOfType } from '@opora/runtime/processes';
import { useTranslation } from 'react-i18next';
import { DefinitionField, TextField } from '../../../bot-designer/fields';
import { AssigneeFields } from '../AssigneeFields';
import { DurationField } from '../DurationField';
import { MultiInstanceFields } from '../MultiInstanceFields';
import { type PanelProps, withConfig } from '../panel-props';

/** A task for a person: who, with which form, by when; optionally one task per item of a list. */
export function UserTaskPanel({ node, onChange }: PanelProps<NodeOfType<'bpmn.userTask'>>) {
  const { t } = useTranslation();
  const c = node.config;
  const set = (patch: Partial<typeof c>, field?: string) => onChange(withConfig(node, patch), field);
  return (
    <>
      <AssigneeFields
        value={c.assignee}
        testId="prd-task-assignee"
        onChange={(assignee, field) => set({ assignee }, field)}
      />
      <DefinitionField
        kind="form"
        label={t('processDesigner.fields.form')}
        value={c.form ?? ''}
        emptyLabel={t('processDesigner.panel.none')}
        testId="prd-task-form"
        onChange={(form) => set({ form })}
      />
      <DurationField
        label={t('processDesigner.fields.due')}
        value={c.dueInSeconds}
        testId="prd-task-due"
        onChange={(dueInSeconds) => set({ dueInSeconds }, 'due')}
      />
      <TextField
        label={t('processDesigner.fields.dueExpression')}
        value={c.dueExpression ?? ''}
        code
        testId="prd-task-due-expression"
        onChange={(dueExpression) => set({ dueExpression }, 'dueExpression')}
      />
      <MultiInstanceFields
        value={c.multiInstance}
        onChange={(multiInstance, field) => set({ multiInstance }, field)}
      />
    </>
  );
}
