import type { ProcessBody, ProcessFlow, ProcessNode } from '../src/definitions/process/schema.js';

/** A node of `type` with `config` (tests build processes tersely). */
export const node = (
  id: string,
  type: ProcessNode['type'],
  config: Record<string, unknown> = {},
  extra: Record<string, unknown> = {},
) => ({ id, type, typeVersion: 1, config, ...extra }) as unknown as ProcessNode;

export const start = (id = 'start') => node(id, 'bpmn.startEvent', { trigger: 'none' });
export const end = (id = 'end', result: 'none' | 'terminate' | 'error' = 'none', errorCode?: string) =>
  node(id, 'bpmn.endEvent', { result, ...(errorCode ? { errorCode } : {}) });
export const userTask = (id: string, value = 'clerk', extra: Record<string, unknown> = {}) =>
  node(id, 'bpmn.userTask', { assignee: { kind: 'role', value }, ...extra });

/** A flow `source → target` with an id made of both ends unless given. */
export const flow = (source: string, target: string, extra: Partial<ProcessFlow> = {}): ProcessFlow => ({
  id: `${source}-${target}`,
  source,
  target,
  ...extra,
});

/** A chain of flows through the ids in order. */
export const chain = (...ids: string[]): ProcessFlow[] =>
  ids.slice(1).map((id, i) => flow(ids[i] as string, id));

export const processBody = (
  nodes: ProcessNode[],
  flows: ProcessFlow[],
  extra: Partial<ProcessBody> = {},
): ProcessBody => ({
  schemaVersion: 2,
  title: { ru: 'Процесс' },
  nodes,
  flows,
  ...extra,
});
