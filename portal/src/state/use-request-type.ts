import type { EntityBody, EntityField } from '@opora/runtime/definitions';
import { useEffect, useState } from 'react';
import { client } from '../lib/api';

/** The published `request` data type: field labels and status colours for the operator's screens. */
export function useRequestType(): EntityBody | null {
  const [entity, setEntity] = useState<EntityBody | null>(null);
  useEffect(() => {
    void client.getPublished('entity', 'request').then(
      (v) => setEntity(v.body as EntityBody),
      () => setEntity(null),
    );
  }, []);
  return entity;
}

export type EnumField = Extract<EntityField, { type: 'enum' }>;

export const enumField = (entity: EntityBody | null, key: string): EnumField | undefined =>
  entity?.fields.find((f): f is EnumField => f.key === key && f.type === 'enum');

export const label = (text: { ru: string; en?: string } | undefined, locale: string): string =>
  (locale === 'en' ? (text?.en ?? text?.ru) : text?.ru) ?? '';
