import type { NodeOfType } from '@opora/runtime/processes';
import { NoSettings } from '../NoSettings';
import type { PanelProps } from '../panel-props';

/** No settings of its own: what it does follows from its flows (their conditions and the default). */
export function ParallelGatewayPanel(_props: PanelProps<NodeOfType<'bpmn.parallelGateway'>>) {
  return <NoSettings />;
}
