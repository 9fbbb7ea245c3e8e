import type { NodeOfType, NodeType } from '@opora/runtime/processes';
import { BoundaryEventPanel } from './bpmn.boundaryEvent/Panel';
import { CallActivityPanel } from './bpmn.callActivity/Panel';
import { EndEventPanel } from './bpmn.endEvent/Panel';
import { EventBasedGatewayPanel } from './bpmn.eventBasedGateway/Panel';
import { ExclusiveGatewayPanel } from './bpmn.exclusiveGateway/Panel';
import { InclusiveGatewayPanel } from './bpmn.inclusiveGateway/Panel';
import { IntermediateCatchEventPanel } from './bpmn.intermediateCatchEvent/Panel';
import { IntermediateThrowEventPanel } from './bpmn.intermediateThrowEvent/Panel';
import { ParallelGatewayPanel } from './bpmn.parallelGateway/Panel';
import { ServiceTaskPanel } from './bpmn.serviceTask/Panel';
import { StartEventPanel } from './bpmn.startEvent/Panel';
import { SubProcessPanel } from './bpmn.subProcess/Panel';
import { UserTaskPanel } from './bpmn.userTask/Panel';
import { ApprovalTaskPanel } from './opora.approvalTask/Panel';
import type { PanelComponent } from './panel-props';

/**
 * The properties panel of every node type, in folders mirroring the runtime's
 * (runtime/src/processes/nodes/<type>). A node type added to the runtime without a panel here is a compile error.
 */
export const nodePanels: { [T in NodeType]: PanelComponent<NodeOfType<T>> } = {
  'bpmn.startEvent': StartEventPanel,
  'bpmn.endEvent': EndEventPanel,
  'bpmn.userTask': UserTaskPanel,
  'opora.approvalTask': ApprovalTaskPanel,
  'bpmn.serviceTask': ServiceTaskPanel,
  'bpmn.exclusiveGateway': ExclusiveGatewayPanel,
  'bpmn.parallelGateway': ParallelGatewayPanel,
  'bpmn.inclusiveGateway': InclusiveGatewayPanel,
  'bpmn.eventBasedGateway': EventBasedGatewayPanel,
  'bpmn.intermediateCatchEvent': IntermediateCatchEventPanel,
  'bpmn.intermediateThrowEvent': IntermediateThrowEventPanel,
  'bpmn.boundaryEvent': BoundaryEventPanel,
  'bpmn.subProcess': SubProcessPanel,
  'bpmn.callActivity': CallActivityPanel,
};
