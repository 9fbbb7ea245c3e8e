import type { ProcessNode } from '@opora/runtime/definitions';
import type { BpmnNodeData, Figure, Marker } from './canvas-data';

/** The figure, ring and markers BPMN draws for a node. */
export function figureOf(
  node: ProcessNode,
): Pick<BpmnNodeData, 'figure' | 'ring' | 'marker' | 'dashed' | 'loop'> {
  switch (node.type) {
    case 'bpmn.startEvent': {
      const marker: Marker =
        node.config.trigger === 'timer'
          ? 'timer'
          : node.config.trigger === 'message'
            ? 'message'
            : node.config.trigger === 'form'
              ? 'form'
              : node.config.trigger === 'record'
                ? 'record'
                : 'none';
      return { figure: 'event', ring: 'start', marker };
    }
    case 'bpmn.endEvent':
      return {
        figure: 'event',
        ring: 'end',
        marker:
          node.config.result === 'terminate'
            ? 'terminate'
            : node.config.result === 'error'
              ? 'error'
              : 'none',
      };
    case 'bpmn.intermediateCatchEvent':
      return { figure: 'event', ring: 'intermediate', marker: node.config.kind };
    case 'bpmn.intermediateThrowEvent':
      return {
        figure: 'event',
        ring: 'intermediate',
        marker: node.config.kind === 'message' ? 'message' : 'none',
      };
    case 'bpmn.boundaryEvent':
      return {
        figure: 'event',
        ring: 'boundary',
        marker: node.config.kind,
        dashed: node.config.kind === 'timer' && !node.config.interrupting,
      };
    case 'bpmn.exclusiveGateway':
      return { figure: 'gateway', marker: 'exclusive' };
    case 'bpmn.parallelGateway':
      return { figure: 'gateway', marker: 'parallel' };
    case 'bpmn.inclusiveGateway':
      return { figure: 'gateway', marker: 'inclusive' };
    case 'bpmn.eventBasedGateway':
      return { figure: 'gateway', marker: 'eventBased' };
    case 'bpmn.userTask':
      return { figure: 'task', marker: 'user', ...loopOf(node.config.multiInstance) };
    case 'opora.approvalTask':
      return { figure: 'task', marker: 'approval' };
    case 'bpmn.serviceTask':
      return { figure: 'task', marker: 'service' };
    case 'bpmn.callActivity':
      return { figure: 'task', marker: 'call', ...loopOf(node.config.multiInstance) };
    case 'bpmn.subProcess':
      return { figure: 'subprocess' as Figure, marker: 'none', ...loopOf(node.config.multiInstance) };
  }
}

/** The multi-instance marker's direction, only for a node that has one. */
const loopOf = (mi: { mode: 'parallel' | 'sequential' } | undefined) => (mi ? { loop: mi.mode } : {});
