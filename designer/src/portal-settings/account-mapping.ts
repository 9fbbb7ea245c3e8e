import type { EntityBody, EntityField, PortalAccount } from '@opora/runtime/definitions';

export type AccountField = 'requestClient' | 'requestStatus' | 'clientName' | 'clientEmail';
interface Typed {
  key: string;
  body: EntityBody;
}

/** Fields of a data type that can play a role in the account mapping, the likeliest first. */
export function fieldCandidates(
  body: EntityBody | undefined,
  role: AccountField,
  clients?: string,
): EntityField[] {
  const fields = body?.fields ?? [];
  switch (role) {
    case 'requestClient': {
      const relations = fields.filter((f) => f.type === 'relation' && !f.many);
      return [
        ...relations.filter((f) => 'entity' in f && f.entity === clients),
        ...relations.filter((f) => !('entity' in f) || f.entity !== clients),
      ];
    }
    case 'requestStatus': {
      const enums = fields.filter((f) => f.type === 'enum');
      // A status field has transitions (status-transitions.ts); prefer it over other enums.
      return [
        ...enums.filter((f) => 'transitions' in f && f.transitions),
        ...enums.filter((f) => !('transitions' in f && f.transitions)),
      ];
    }
    case 'clientName':
      return fields.filter((f) => f.type === 'string');
    case 'clientEmail':
      return [...fields.filter((f) => f.type === 'email'), ...fields.filter((f) => f.type === 'string')];
  }
}

const first = (list: EntityField[]): string => list[0]?.key ?? '';

/**
 * A first mapping to start from: the `request`/`client` types when they exist (the support-desk template),
 * else a type with a relation and a status and the type that relation points to.
 */
export function guessAccount(types: readonly Typed[]): PortalAccount | null {
  const requests =
    types.find((e) => e.key === 'request') ??
    types.find(
      (e) =>
        fieldCandidates(e.body, 'requestClient').length && fieldCandidates(e.body, 'requestStatus').length,
    );
  if (!requests) return null;
  const pointed = fieldCandidates(requests.body, 'requestClient')
    .map((f) => ('entity' in f ? f.entity : undefined))
    .find((key) => types.some((e) => e.key === key));
  const clients = types.find((e) => e.key === 'client') ?? types.find((e) => e.key === pointed);
  if (!clients) return null;
  return {
    requests: requests.key,
    requestClient: first(fieldCandidates(requests.body, 'requestClient', clients.key)),
    requestStatus: first(fieldCandidates(requests.body, 'requestStatus')),
    clients: clients.key,
    clientName: first(fieldCandidates(clients.body, 'clientName')),
    clientEmail: first(fieldCandidates(clients.body, 'clientEmail')),
  };
}

/**
 * The option text of each candidate field: its label in the UI's language. The key (an identifier, in Latin
 * letters) is added only to tell apart fields that share a label.
 */
export function fieldOptionTexts(fields: readonly EntityField[], lang: string): Map<string, string> {
  const label = (f: EntityField) => (lang === 'en' && f.label.en ? f.label.en : f.label.ru);
  const count = new Map<string, number>();
  for (const f of fields) count.set(label(f), (count.get(label(f)) ?? 0) + 1);
  return new Map(
    fields.map((f) => [f.key, (count.get(label(f)) ?? 0) > 1 ? `${label(f)} (${f.key})` : label(f)]),
  );
}
