import type { EntityBody } from '@opora/runtime/definitions';
import type { RecordType } from '@opora/sdk';
import { client } from '../lib/api';
import { useAsync } from '../lib/use-async';

const bodies = new Map<string, Promise<EntityBody>>();
let types: Promise<RecordType[]> | null = null;

/** A published data type's body; asked once per page load and shared by lists, pickers and cards. */
export function entityType(key: string): Promise<EntityBody> {
  let body = bodies.get(key);
  if (!body) {
    body = client.getPublished('entity', key).then((v) => v.body as EntityBody);
    body.catch(() => bodies.delete(key));
    bodies.set(key, body);
  }
  return body;
}

/** The published data types the user may read, each with what they may do there, for navigation. */
export function recordTypes(): Promise<RecordType[]> {
  if (!types) {
    types = client.listRecordTypes().then((r) => r.items);
    types.catch(() => {
      types = null;
    });
  }
  return types;
}

export const useEntityType = (key: string) => useAsync(() => entityType(key), [key]);
export const useRecordTypes = () => useAsync(recordTypes, []);

const nothing: RecordType['access'] = { read: 'none', create: 'none', update: 'none', delete: 'none' };

/**
 * What the signed-in user may do with records of a type (the type's rights, as the server answers them):
 * screens offer only that. Nothing until the list is known, so no button appears that would be refused.
 */
export function useTypeAccess(key: string): RecordType['access'] {
  const types = useRecordTypes();
  return (types.status === 'ready' && types.data.find((t) => t.key === key)?.access) || nothing;
}

/** The field a type's records are named by: its title field, else its first text field. */
export const titleFieldOf = (entity: EntityBody): string | undefined =>
  entity.titleField ?? entity.fields.find((f) => f.type === 'string')?.key;
