import type { Node } from '@xyflow/react';

/** How a node's figure is drawn, by BPMN's families. */
export type Figure = 'event' | 'gateway' | 'task' | 'subprocess';

/** The small mark inside a figure: what kind of event, gateway or task it is. */
export type Marker =
  | 'none'
  | 'timer'
  | 'message'
  | 'error'
  | 'terminate'
  | 'exclusive'
  | 'parallel'
  | 'inclusive'
  | 'eventBased'
  | 'user'
  | 'approval'
  | 'service'
  | 'call'
  | 'form'
  | 'record';

/** What a node's card shows; computed by the designer so the card itself only draws. */
export interface BpmnNodeData extends Record<string, unknown> {
  figure: Figure;
  /** Start (thin), end (thick), intermediate and boundary (double) events differ in their ring. */
  ring?: 'start' | 'end' | 'intermediate' | 'boundary';
  marker: Marker;
  /** A boundary timer that does not interrupt is drawn dashed. */
  dashed?: boolean;
  /** A multi-instance activity: BPMN's three bars at the bottom, vertical when parallel, horizontal when sequential. */
  loop?: 'parallel' | 'sequential';
  typeName: string;
  name: string | undefined;
  width: number;
  height: number;
  problems: string[];
  /** In the instance view: a token stands here now, or the path went through. */
  trace?: 'token' | 'visited';
  readOnly?: boolean;
}

export interface LaneData extends Record<string, unknown> {
  name: string;
  width: number;
  height: number;
  /** The nodes that move with the lane when it is dragged. */
  carries: string[];
  readOnly?: boolean;
}

export type BpmnFlowNode = Node<BpmnNodeData, 'bpmn'>;
export type LaneFlowNode = Node<LaneData, 'lane'>;
export type ProcessFlowNode = BpmnFlowNode | LaneFlowNode;
