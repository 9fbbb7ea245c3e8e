import { type DefinitionKind, definitionRights, type Role, staffRoles } from '@opora/sdk';
import { kinds } from './kinds';

/**
 * Who may open each screen of the designer, from the server's own rules: the definitions table
 * (`definitionRights`) and the roles each tool's API admits. Menus, «Создать» buttons and the «not for your role»
 * page all read this, so a role is never offered what the server would refuse.
 */

/**
 * Reading definitions (lists, editors, import/export) is for the roles that may write some kind: the server admits
 * exactly those (`canDesign`), and every one of them writes at least one kind in `definitionRights`.
 */
export const definitionReaders: readonly Role[] = [
  ...new Set(Object.values(definitionRights).flatMap((rights) => rights.write)),
];

/** The designer's tools beyond definitions and the roles their API routes admit (staff: all but portal clients). */
export const toolRoles = {
  bundles: definitionReaders,
  tokens: staffRoles,
  secrets: ['admin', 'developer'],
  scriptRuns: ['admin', 'developer', 'supervisor'],
  users: ['admin'],
  knowledgeBase: staffRoles,
  operator: staffRoles,
} as const satisfies Record<string, readonly Role[]>;

export type Tool = keyof typeof toolRoles;

/** The tools listed under «Инструменты», in this order (the knowledge base and the workspace have places of their own). */
const menuTools = ['bundles', 'tokens', 'secrets', 'scriptRuns', 'users'] as const;
export type MenuTool = (typeof menuTools)[number];

const holds = (roles: readonly Role[], allowed: readonly Role[]): boolean =>
  roles.some((role) => allowed.includes(role));

/** Whether a user holding `roles` may use a tool. */
export const mayUseTool = (roles: readonly Role[], tool: Tool): boolean => holds(roles, toolRoles[tool]);

/** Whether a user holding `roles` may see definitions (of any kind; the server does not tell kinds apart here). */
export const mayReadDefinitions = (roles: readonly Role[]): boolean => holds(roles, definitionReaders);

/** The menu of a user: the kinds shown under «Конструкторы» and the tools under «Инструменты». */
export function visibleMenu(roles: readonly Role[]): { kinds: DefinitionKind[]; tools: MenuTool[] } {
  return {
    kinds: mayReadDefinitions(roles) ? [...kinds] : [],
    tools: menuTools.filter((tool) => mayUseTool(roles, tool)),
  };
}

/**
 * The roles that may open `path`, when the user holding `roles` may not; null when the page is theirs (or is
 * not one this table knows, such as the knowledge base's own pages).
 */
export function refusedPage(path: string, roles: readonly Role[]): readonly Role[] | null {
  const bare = path.split('?')[0] ?? '';
  const [first, kind, second] = bare.split('/').filter(Boolean);
  let allowed: readonly Role[] | null = null;
  if (first === 'd') {
    allowed =
      second === 'new' && kind && (kinds as readonly string[]).includes(kind)
        ? definitionRights[kind as DefinitionKind].write
        : definitionReaders;
  } else if (first === 'bundles') allowed = toolRoles.bundles;
  else if (first === 'tokens') allowed = toolRoles.tokens;
  else if (first === 'secrets') allowed = toolRoles.secrets;
  else if (first === 'script-runs') allowed = toolRoles.scriptRuns;
  else if (first === 'users') allowed = toolRoles.users;
  return allowed && !holds(roles, allowed) ? allowed : null;
}

/** Where a user lands on the designer's root: the first screen of theirs. */
export function homePath(roles: readonly Role[]): string {
  if (mayReadDefinitions(roles)) return '/d/entity';
  if (mayUseTool(roles, 'knowledgeBase')) return '/kb';
  return '/tokens';
}
