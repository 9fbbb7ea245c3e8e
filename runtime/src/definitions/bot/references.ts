import type { DefinitionReference } from '../references.js';
import type { BotBody } from './schema.js';

/**
 * What a bot names that must be published before it: scripts, integrations, data types (records, status
 * triggers), processes and lines. Other bots are not among them: two bots that jump to each other could never
 * publish first, so the server resolves a jump when it happens.
 */
export function botReferences(body: BotBody): DefinitionReference[] {
  const refs: DefinitionReference[] = [];
  body.blocks.forEach((block, i) => {
    const at = `/blocks/${i}`;
    if (block.type === 'script') refs.push({ pointer: `${at}/script`, kind: 'script', key: block.script });
    if (block.type === 'integration')
      refs.push({ pointer: `${at}/integration`, kind: 'integration', key: block.integration });
    if (block.type === 'record') refs.push({ pointer: `${at}/entity`, kind: 'entity', key: block.entity });
    if (block.type === 'process')
      refs.push({ pointer: `${at}/process`, kind: 'process', key: block.process });
    if (block.type === 'hand-over') refs.push({ pointer: `${at}/line`, kind: 'line', key: block.line });
  });
  body.triggers.forEach((trigger, i) => {
    if (trigger.type === 'event' && trigger.entity)
      refs.push({ pointer: `/triggers/${i}/entity`, kind: 'entity', key: trigger.entity });
  });
  return refs;
}
