import {
  type AccessRole,
  accessRoles,
  type EntityAccess,
  entityAccess,
  type RecordOperation,
  recordOperations,
} from '@opora/runtime/definitions';
import type { Body } from './entity-draft';

/** Operations that act on a record one must see: ticking one ticks reading, unticking reading unticks them. */
const needsRead: readonly RecordOperation[] = ['update', 'delete'];

/** The rights as the grid shows them: the type's own, or the defaults while it has none. */
export const rightsOf = (body: Body): Required<EntityAccess> => entityAccess(body);

export const isDefault = (body: Body): boolean => body.access === undefined;

/** Gives or takes one right from one role, writing the type's rights out in full (and keeping them coherent). */
export function toggleRight(
  body: Body,
  role: AccessRole,
  operation: RecordOperation,
  allowed: boolean,
): Body {
  const current = rightsOf(body);
  const wanted = (op: RecordOperation): boolean => {
    if (op === operation) return allowed;
    if (allowed && op === 'read' && needsRead.includes(operation)) return true;
    if (!allowed && operation === 'read' && needsRead.includes(op)) return false;
    return current[op].includes(role);
  };
  // Roles kept in their usual order, so the JSON reads like the grid.
  const list = (op: RecordOperation) =>
    accessRoles.filter((r) => (r === role ? wanted(op) : current[op].includes(r)));
  const lists = Object.fromEntries(recordOperations.map((op) => [op, list(op)]));
  return {
    ...body,
    access: { ...(lists as Record<RecordOperation, AccessRole[]>), clientScope: current.clientScope },
  };
}

/** Clients' rights reach their own records only, or every record of the type. */
export function setClientScope(body: Body, ownOnly: boolean): Body {
  return { ...body, access: { ...rightsOf(body), clientScope: ownOnly ? 'own' : 'all' } };
}

/** Back to the defaults (staff everything, clients reading their own). */
export function resetRights(body: Body): Body {
  const { access: _, ...rest } = body;
  return rest as Body;
}
