import type { DefinitionReference } from '../references.js';
import type { ProcessBody } from './schema.js';

/** The definitions a process names: its entity, forms, scripts, integrations, records' types, called processes. */
export function processReferences(body: ProcessBody): DefinitionReference[] {
  const refs: DefinitionReference[] = body.entity
    ? [{ pointer: '/entity', kind: 'entity', key: body.entity }]
    : [];
  body.nodes.forEach((node, i) => {
    const at = `/nodes/${i}/config`;
    const c = node.config as Record<string, unknown>;
    const add = (field: string, kind: DefinitionReference['kind']) => {
      if (typeof c[field] === 'string')
        refs.push({ pointer: `${at}/${field}`, kind, key: c[field] as string });
    };
    if (node.type === 'bpmn.startEvent' || node.type === 'bpmn.userTask') add('form', 'form');
    if (node.type === 'bpmn.startEvent') add('entity', 'entity');
    if (node.type === 'bpmn.serviceTask') {
      add('script', 'script');
      add('integration', 'integration');
      add('entity', 'entity');
    }
    if (node.type === 'bpmn.callActivity') add('process', 'process');
  });
  return refs;
}
