import type { NodeOfType } from '@opora/runtime/processes';
import { NoSettings } from '../NoSettings';
import type { PanelProps } from '../panel-props';

/** No settings of its own: what it does follows from its flows (their conditions and the default). */
export function InclusiveGatewayPanel(_props: PanelProps<NodeOfType<'bpmn.inclusiveGateway'>>) {
  return <NoSettings />;
}
