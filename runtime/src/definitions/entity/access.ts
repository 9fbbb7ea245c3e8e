import { type Static, Type } from '@sinclair/typebox';
import { literals, Strict } from '../common-schemas.js';
import type { EntityBody } from './schema.js';

/** The roles a data type grants rights to (the same names the server's users hold). */
export const accessRoles = ['admin', 'analyst', 'developer', 'operator', 'supervisor', 'client'] as const;
export type AccessRole = (typeof accessRoles)[number];

/** What can be done to records of a type. */
export const recordOperations = ['read', 'create', 'update', 'delete'] as const;
export type RecordOperation = (typeof recordOperations)[number];

const RoleList = Type.Array(literals(accessRoles), { uniqueItems: true, maxItems: accessRoles.length });

/**
 * Who may read, create, update and delete records of a data type. Administrators may always do everything.
 * Clients (portal users) act on their own records only unless `clientScope` is `all`: the records linked to
 * their client record (the record itself, or one whose relation field points at it) and those they created.
 */
export const EntityAccessSchema = Strict({
  read: RoleList,
  create: RoleList,
  update: RoleList,
  delete: RoleList,
  clientScope: Type.Optional(literals(['own', 'all'])),
});

export type EntityAccess = Static<typeof EntityAccessSchema>;

const staffRoles: AccessRole[] = ['admin', 'analyst', 'developer', 'operator', 'supervisor'];

/**
 * A type that says nothing keeps what every type had before rights existed: staff do everything, clients
 * read their own records (their «Мои обращения» and their own client record) and nothing else.
 */
export const defaultEntityAccess: Required<EntityAccess> = {
  read: [...staffRoles, 'client'],
  create: staffRoles,
  update: staffRoles,
  delete: staffRoles,
  clientScope: 'own',
};

/** The rights of a type with the defaults filled in. */
export function entityAccess(body: Pick<EntityBody, 'access'>): Required<EntityAccess> {
  return body.access ? { clientScope: 'own', ...body.access } : defaultEntityAccess;
}

/** How far an operation reaches for a user: every record of the type, only their own, or none. */
export type AccessScope = 'all' | 'own' | 'none';

/** The scope of `operation` for a user holding `roles`: the widest any of their roles gets. */
export function accessScope(
  body: EntityBody,
  roles: readonly string[],
  operation: RecordOperation,
): AccessScope {
  if (roles.includes('admin')) return 'all';
  const access = entityAccess(body);
  const allowed: readonly string[] = access[operation];
  if (roles.some((role) => role !== 'client' && allowed.includes(role))) return 'all';
  if (roles.includes('client') && allowed.includes('client'))
    return access.clientScope === 'all' ? 'all' : 'own';
  return 'none';
}

/** The roles that may do `operation` at all (administrators always), for messages and screens. */
export function rolesAllowed(body: EntityBody, operation: RecordOperation): AccessRole[] {
  const allowed = entityAccess(body)[operation];
  return accessRoles.filter((role) => role === 'admin' || allowed.includes(role));
}
