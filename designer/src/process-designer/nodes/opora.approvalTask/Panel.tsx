import type { NodeOfType } from '@opora/runtime/processes';
import { useTranslation } from 'react-i18next';
import { NumberField, SelectField, TextField } from '../../../bot-designer/fields';
import { DurationField } from '../DurationField';
import { optionsOf } from '../options';
import { type PanelProps, withConfig } from '../panel-props';

type Node = NodeOfType<'opora.approvalTask'>;

/**
 * Document approval as one block: who approves (people, roles, an expression, a list from the document), one
 * after another or all at once, decided by all, any or a quorum; the decisions allowed; the deadline with its
 * reminder and escalation. Four eyes is always on (the schema allows nothing else), shown so nobody wonders.
 */
export function ApprovalTaskPanel({ node, onChange }: PanelProps<Node>) {
  const { t } = useTranslation();
  const c = node.config;
  const set = (patch: Partial<Node['config']>, field?: string) => onChange(withConfig(node, patch), field);
  const approvers = Array.isArray(c.approvers.value) ? c.approvers.value.join(', ') : c.approvers.value;
  return (
    <>
      <fieldset className="bd-rows" data-testid="prd-approvers">
        <legend>{t('processDesigner.fields.approvers')}</legend>
        <SelectField
          label={t('processDesigner.fields.kind')}
          value={c.approvers.kind}
          options={optionsOf(t, 'approverKinds', [
            'users',
            'roles',
            'lines',
            'expression',
            'listField',
          ] as const)}
          testId="prd-approvers-kind"
          onChange={(kind) => set({ approvers: { ...c.approvers, kind } })}
        />
        <TextField
          label={t('processDesigner.fields.approversValue')}
          value={approvers}
          code
          hint={t(`processDesigner.fields.approversHint.${c.approvers.kind}`)}
          testId="prd-approvers-value"
          onChange={(value) => set({ approvers: { kind: c.approvers.kind, value } }, 'approvers')}
        />
      </fieldset>
      <div className="bd-pair">
        <SelectField
          label={t('processDesigner.fields.mode')}
          value={c.mode}
          options={optionsOf(t, 'modes', ['sequential', 'parallel'] as const)}
          testId="prd-approval-mode"
          onChange={(mode) => set({ mode })}
        />
        <SelectField
          label={t('processDesigner.fields.rule')}
          value={c.rule}
          options={optionsOf(t, 'rules', ['all', 'any', 'quorum'] as const)}
          testId="prd-approval-rule"
          onChange={(rule) => set({ rule, quorum: rule === 'quorum' ? (c.quorum ?? 2) : undefined })}
        />
      </div>
      {c.rule === 'quorum' && (
        <NumberField
          label={t('processDesigner.fields.quorum')}
          value={c.quorum}
          min={1}
          max={100}
          step={1}
          testId="prd-approval-quorum"
          onChange={(quorum) =>
            set({ quorum: quorum === undefined ? undefined : Math.round(quorum) }, 'quorum')
          }
        />
      )}
      <fieldset className="bd-rows" data-testid="prd-approval-outcomes">
        <legend>{t('processDesigner.fields.outcomes')}</legend>
        <label className="bd-check">
          <input type="checkbox" checked disabled />
          <span>{t('processDesigner.fields.approve')}</span>
        </label>
        <label className="bd-check">
          <input type="checkbox" checked disabled />
          <span>{t('processDesigner.fields.reject')}</span>
        </label>
        <label className="bd-check">
          <input
            type="checkbox"
            checked={c.allowReturn !== false}
            data-testid="prd-approval-return"
            onChange={(e) => set({ allowReturn: e.target.checked })}
          />
          <span>{t('processDesigner.fields.allowReturn')}</span>
        </label>
      </fieldset>
      <div className="bd-pair">
        <DurationField
          label={t('processDesigner.fields.deadline')}
          value={c.dueInSeconds}
          testId="prd-approval-due"
          onChange={(dueInSeconds) => set({ dueInSeconds }, 'due')}
        />
        <DurationField
          label={t('processDesigner.fields.remind')}
          value={c.remindBeforeSeconds}
          testId="prd-approval-remind"
          onChange={(remindBeforeSeconds) => set({ remindBeforeSeconds }, 'remind')}
        />
      </div>
      <fieldset className="bd-rows">
        <legend>{t('processDesigner.fields.escalateTo')}</legend>
        <div className="bd-pair">
          <SelectField
            label={t('processDesigner.fields.kind')}
            value={c.escalateTo?.kind ?? 'role'}
            options={optionsOf(t, 'escalateKinds', ['role', 'user'] as const)}
            testId="prd-approval-escalate-kind"
            onChange={(kind) => c.escalateTo && set({ escalateTo: { ...c.escalateTo, kind } })}
          />
          <TextField
            label={t('processDesigner.fields.escalateValue')}
            value={c.escalateTo?.value ?? ''}
            code
            testId="prd-approval-escalate"
            onChange={(value) =>
              set(
                { escalateTo: value ? { kind: c.escalateTo?.kind ?? 'role', value } : undefined },
                'escalate',
              )
            }
          />
        </div>
      </fieldset>
      <label className="bd-check" title={t('processDesigner.fields.fourEyes')}>
        <input type="checkbox" checked disabled data-testid="prd-approval-four-eyes" />
        <span>{t('processDesigner.fields.fourEyes')}</span>
      </label>
    </>
  );
}
