import type { ProcessEffect } from '../../effects.js';
import type { Token } from '../../instance.js';
import type { NodeSpec } from '../../node-spec.js';
import { asText, evaluateFor, evaluateMap, nextId, render, setVariables, type Walk } from '../../walk.js';
import { resolveAssignee } from '../task-assignee.js';
import { type ServiceTaskNode, serviceTaskShape } from './schema.js';

/** Asks the server to carry out its action and waits for the result (into `output`); a failure raises an error. */
export const serviceTaskNode: NodeSpec<ServiceTaskNode> = {
  ...serviceTaskShape,
  run({ node, token, walk }) {
    const requestId = nextId(walk, 'req-');
    walk.effects.push(effectOf(walk, token, node, requestId));
    return { wait: { kind: 'result', requestId } };
  },
  resume({ node, walk }, event) {
    if (event.type !== 'effectResult') return { refuse: 'the service task waits for its result' };
    if (!event.ok)
      return {
        fail: event.error?.message ?? `service task "${node.id}" failed`,
        ...(event.error?.code ? { code: event.error.code } : {}),
      };
    if (node.config.output) setVariables(walk, { [node.config.output]: event.value ?? null });
    return { leave: true };
  },
};

function effectOf(walk: Walk, token: Token, node: ServiceTaskNode, requestId: string): ProcessEffect {
  const c = node.config;
  const record = walk.instance.record;
  switch (c.action) {
    case 'script':
      return {
        type: 'runScript',
        requestId,
        script: c.script ?? '',
        input: evaluateMap(walk, token, c.input),
      };
    case 'integration':
      return {
        type: 'callIntegration',
        requestId,
        integration: c.integration ?? '',
        operation: c.operation ?? '',
        input: evaluateMap(walk, token, c.input),
      };
    case 'createRecord':
      return {
        type: 'createRecord',
        requestId,
        entity: c.entity ?? '',
        values: evaluateMap(walk, token, c.values),
      };
    case 'updateRecord':
      return {
        type: 'updateRecord',
        requestId,
        entity: c.entity ?? '',
        recordId: asText(evaluateFor(walk, token, c.recordId ?? 'null')),
        values: evaluateMap(walk, token, c.values),
      };
    case 'setStatus':
      return { type: 'setStatus', requestId, status: c.status ?? '', ...(record ? { record } : {}) };
    case 'clientMessage':
      return { type: 'sendClientMessage', requestId, text: c.text ? render(walk, token, c.text) : '' };
    case 'notifyStaff':
      return {
        type: 'notifyStaff',
        requestId,
        to: resolveAssignee(walk, token, c.to ?? { kind: 'role', value: 'supervisor' }),
        text: c.text ? render(walk, token, c.text) : '',
        reason: 'message',
      };
  }
}
