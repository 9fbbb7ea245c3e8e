import type { NodeOfType } from '@opora/runtime/processes';
import { MultiInstanceFields } from '../MultiInstanceFields';
import { type PanelProps, withConfig } from '../panel-props';

/** What it does follows from its inner nodes and its flows; its one setting is running it once per item of a list. */
export function SubProcessPanel({ node, onChange }: PanelProps<NodeOfType<'bpmn.subProcess'>>) {
  return (
    <MultiInstanceFields
      value={node.config.multiInstance}
      onChange={(multiInstance, field) => onChange(withConfig(node, { multiInstance }), field)}
    />
  );
}
