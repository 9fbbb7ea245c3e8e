import { nodeName } from '@opora/runtime/definitions';
import type { NodeOfType } from '@opora/runtime/processes';
import { useTranslation } from 'react-i18next';
import { CheckField, SelectField, TextField } from '../../../bot-designer/fields';
import { isActivity } from '../../node-kinds';
import { DurationField } from '../DurationField';
import { optionsOf } from '../options';
import { type PanelProps, withConfig } from '../panel-props';

type Node = NodeOfType<'bpmn.boundaryEvent'>;

/** An event on an activity's border: a timer after some time in it, or an error it raises. */
export function BoundaryEventPanel({ node, body, onChange }: PanelProps<Node>) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ru';
  const c = node.config;
  const set = (patch: Partial<Node['config']>, field?: string) => onChange(withConfig(node, patch), field);
  const hosts = body.nodes.filter(isActivity);
  return (
    <>
      <SelectField
        label={t('processDesigner.fields.attachedTo')}
        value={c.attachedTo}
        options={[
          { value: '', label: t('processDesigner.panel.none') },
          ...hosts.map((h) => ({ value: h.id, label: nodeName(h, lang) })),
        ]}
        testId="prd-boundary-host"
        onChange={(attachedTo) => onChange({ ...node, config: { ...c, attachedTo } })}
      />
      <SelectField
        label={t('processDesigner.fields.kind')}
        value={c.kind}
        options={optionsOf(t, 'boundaryKinds', ['timer', 'error'] as const)}
        testId="prd-boundary-kind"
        onChange={(kind) =>
          onChange({
            ...node,
            config:
              kind === 'timer'
                ? { attachedTo: c.attachedTo, kind, interrupting: c.interrupting, durationSeconds: 86_400 }
                : { attachedTo: c.attachedTo, kind, interrupting: true },
          })
        }
      />
      {c.kind === 'timer' ? (
        <>
          <DurationField
            label={t('processDesigner.fields.duration')}
            value={c.durationSeconds}
            testId="prd-boundary-duration"
            onChange={(durationSeconds) => set({ durationSeconds }, 'duration')}
          />
          <CheckField
            label={t('processDesigner.fields.interrupting')}
            value={c.interrupting}
            testId="prd-boundary-interrupting"
            onChange={(interrupting) => set({ interrupting })}
          />
        </>
      ) : (
        <TextField
          label={t('processDesigner.fields.errorCode')}
          value={c.errorCode ?? ''}
          code
          testId="prd-boundary-error"
          onChange={(errorCode) => set({ errorCode }, 'errorCode')}
        />
      )}
    </>
  );
}
