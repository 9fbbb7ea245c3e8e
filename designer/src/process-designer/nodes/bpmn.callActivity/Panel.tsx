import type { NodeOfType } from '@opora/runtime/processes';
import { useTranslation } from 'react-i18next';
import { DefinitionField, ValueMapField } from '../../../bot-designer/fields';
import { MultiInstanceFields } from '../MultiInstanceFields';
import { type PanelProps, withConfig } from '../panel-props';

/** Starts another published process with some variables and waits for it to end; optionally once per item of a list. */
export function CallActivityPanel({ node, onChange }: PanelProps<NodeOfType<'bpmn.callActivity'>>) {
  const { t } = useTranslation();
  const c = node.config;
  return (
    <>
      <DefinitionField
        kind="process"
        label={t('processDesigner.fields.process')}
        value={c.process}
        testId="prd-call-process"
        onChange={(process) => onChange({ ...node, config: { ...c, process } })}
      />
      <ValueMapField
        label={t('processDesigner.fields.variables')}
        value={c.variables ?? {}}
        testId="prd-call-variables"
        onChange={(variables) =>
          onChange(
            withConfig(node, { variables: Object.keys(variables).length ? variables : undefined }),
            'variables',
          )
        }
      />
      <MultiInstanceFields
        value={c.multiInstance}
        onChange={(multiInstance, field) => onChange(withConfig(node, { multiInstance }), field)}
      />
    </>
  );
}
