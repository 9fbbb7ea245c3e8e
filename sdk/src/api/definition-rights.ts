import type { DefinitionKind } from '@opora/runtime/definitions';
import type { Role } from './types.js';

/** What can be done to a definition: change its draft (create, save, delete), publish a version, archive it. */
export type DefinitionAction = 'write' | 'publish' | 'archive';

export type KindRights = Readonly<Record<DefinitionAction, readonly Role[]>>;

const designers: readonly Role[] = ['admin', 'analyst', 'developer'];
const content: readonly Role[] = ['admin', 'analyst'];
const same = (roles: readonly Role[]): KindRights => ({ write: roles, publish: roles, archive: roles });

/**
 * Who may write, publish and archive each kind of definition — the one table the server enforces on every path
 * that writes definitions (the definitions API, bundle import) and the designer uses to offer only what will work.
 * Analysts design data, forms, trees, bots, processes, routing and answer templates; developers the same plus
 * scripts; pages are drafted by analysts and published by administrators; the portal itself, integrations
 * (what the server may reach, with which secrets) and channels (whose bots and mailboxes speak for the company)
 * are the administrators' alone.
 */
export const definitionRights: Readonly<Record<DefinitionKind, KindRights>> = {
  entity: same(designers),
  form: same(designers),
  tree: same(designers),
  bot: same(designers),
  process: same(designers),
  script: same(['admin', 'developer']),
  page: { write: content, publish: ['admin'], archive: ['admin'] },
  portal: same(['admin']),
  line: same(content),
  template: same(content),
  integration: same(['admin']),
  channel: same(['admin']),
};

/** Whether a user holding `roles` may do `action` to definitions of `kind`. */
export const mayChangeDefinition = (
  roles: readonly Role[],
  kind: DefinitionKind,
  action: DefinitionAction,
): boolean => roles.some((role) => definitionRights[kind][action].includes(role));
