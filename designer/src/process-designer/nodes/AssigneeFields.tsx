import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../bot-designer/fields';
import { optionsOf } from './options';

type Kind = 'user' | 'role' | 'line' | 'expression';

/** Who a task goes to: a kind and its value (a user id, a role, a line, or an expression giving a user id). */
export function AssigneeFields({
  value,
  onChange,
  testId,
}: {
  value: { kind: Kind; value: string };
  onChange: (next: { kind: Kind; value: string }, field?: string) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="bd-pair">
      <SelectField
        label={t('processDesigner.fields.assignee')}
        value={value.kind}
        options={optionsOf(t, 'assigneeKinds', ['user', 'role', 'line', 'expression'] as const)}
        testId={`${testId}-kind`}
        onChange={(kind) => onChange({ ...value, kind })}
      />
      <TextField
        label={t('processDesigner.fields.assigneeValue')}
        value={value.value}
        code
        testId={`${testId}-value`}
        onChange={(v) => onChange({ ...value, value: v }, 'assignee')}
      />
    </div>
  );
}
