/**
 * The process body (schemaVersion 2) as the BPMN import builds and the export reads it. Structurally the
 * runtime's ProcessBody with configs left open: the import fills them from BPMN, the definition's
 * validation at save time checks them against each node type's schema.
 */
export interface BpmnBounds {
  x: number;
  y: number;
  width?: number;
  height?: number;
}

export interface BpmnNode {
  id: string;
  type: string;
  typeVersion: 1;
  name?: string;
  position?: BpmnBounds;
  parent?: string;
  lane?: string;
  config: Record<string, unknown>;
}

export interface BpmnFlow {
  id: string;
  source: string;
  target: string;
  name?: string;
  condition?: string;
  isDefault?: boolean;
  waypoints?: { x: number; y: number }[];
}

export interface BpmnKept {
  id: string;
  bpmnType: string;
  xml: string;
  diXml?: string;
}

export interface BpmnBody {
  schemaVersion: 2;
  title: { ru: string; en?: string };
  entity?: string;
  variables?: { name: string; label?: { ru: string; en?: string } }[];
  nodes: BpmnNode[];
  flows: BpmnFlow[];
  lanes?: { id: string; name?: string; position?: BpmnBounds }[];
  kept?: BpmnKept[];
}

/** Node types the engine executes; any other BPMN element is kept. */
export const executableTypes: ReadonlySet<string> = new Set([
  'bpmn.startEvent',
  'bpmn.endEvent',
  'bpmn.userTask',
  'opora.approvalTask',
  'bpmn.serviceTask',
  'bpmn.exclusiveGateway',
  'bpmn.parallelGateway',
  'bpmn.inclusiveGateway',
  'bpmn.eventBasedGateway',
  'bpmn.intermediateCatchEvent',
  'bpmn.intermediateThrowEvent',
  'bpmn.boundaryEvent',
  'bpmn.subProcess',
  'bpmn.callActivity',
]);
