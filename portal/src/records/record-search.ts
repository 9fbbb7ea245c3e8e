import type { RecordItem } from '@opora/sdk';
import type { ComboOption } from '../components/Combobox';
import i18n from '../i18n';
import { client } from '../lib/api';
import { entityType, titleFieldOf } from './entity-types';
import { rememberName } from './name-cache';

/**
 * Records of a type matching what someone types: part of the title (so "Вол" finds «Волков»), newest first.
 * Every title seen is remembered, so chips and lists name the record at once.
 */
export async function searchRecords(entity: string, text: string, limit = 10): Promise<ComboOption[]> {
  const body = await entityType(entity);
  const title = titleFieldOf(body);
  const typed = text.trim();
  const page = await client.listRecords(entity, {
    limit,
    ...(typed && title ? { filter: [`${title}:contains:${typed}`] } : typed ? { q: typed } : {}),
  });
  return page.items.map(recordOption);
}

export function recordOption(record: RecordItem): ComboOption {
  const number = i18n.t('work.number', { number: record.number });
  const label = record.title || number;
  rememberName(record.id, label);
  return { id: record.id, label, hint: number };
}

export async function searchPeople(text: string): Promise<ComboOption[]> {
  const page = await client.lookupUsers({ q: text.trim() || undefined, limit: 10 });
  for (const person of page.items) rememberName(person.id, person.name);
  return page.items.map((p) => ({ id: p.id, label: p.name }));
}
