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

/** The published data types, for navigation. */
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

/** The field a type's records are named by: its title field, else its first text field. */
export const titleFieldOf = (entity: EntityBody): string | undefined =>
  entity.titleField ?? entity.fields.find((f) => f.type === 'string')?.key;
