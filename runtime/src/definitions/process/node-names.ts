import type { NodeType, ProcessNode } from '../../processes/nodes/shapes.js';
import { type Locale, pick } from '../kinds.js';

/** Node types as analysts call them, for messages that name a node. */
export const nodeTypeNames: Record<NodeType, { ru: string; en: string }> = {
  'bpmn.startEvent': { ru: 'Старт', en: 'Start event' },
  'bpmn.endEvent': { ru: 'Завершение', en: 'End event' },
  'bpmn.userTask': { ru: 'Задача', en: 'User task' },
  'opora.approvalTask': { ru: 'Согласование', en: 'Approval' },
  'bpmn.serviceTask': { ru: 'Автоматический шаг', en: 'Service task' },
  'bpmn.exclusiveGateway': { ru: 'Исключающий шлюз', en: 'Exclusive gateway' },
  'bpmn.parallelGateway': { ru: 'Параллельный шлюз', en: 'Parallel gateway' },
  'bpmn.inclusiveGateway': { ru: 'Включающий шлюз', en: 'Inclusive gateway' },
  'bpmn.eventBasedGateway': { ru: 'Шлюз по событию', en: 'Event-based gateway' },
  'bpmn.intermediateCatchEvent': { ru: 'Ожидание события', en: 'Intermediate catch event' },
  'bpmn.intermediateThrowEvent': { ru: 'Промежуточное событие', en: 'Intermediate throw event' },
  'bpmn.boundaryEvent': { ru: 'Граничное событие', en: 'Boundary event' },
  'bpmn.subProcess': { ru: 'Подпроцесс', en: 'Sub-process' },
  'bpmn.callActivity': { ru: 'Вызов процесса', en: 'Call activity' },
};

/** «Задача «Проверить» (check)»: the node's type, its name when it has one, its id. */
export function nodeName(node: Pick<ProcessNode, 'type' | 'id' | 'name'>, locale: Locale): string {
  const type = nodeTypeNames[node.type];
  if (!type) return node.id;
  return pick(
    locale,
    `${type.ru}${node.name ? ` «${node.name}»` : ''} (${node.id})`,
    `${type.en}${node.name ? ` "${node.name}"` : ''} (${node.id})`,
  );
}
