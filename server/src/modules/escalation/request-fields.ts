import type { EntityBody, PortalAccount } from '@opora/runtime/definitions';

/** Which fields of the template's request type a dialog fills: subject, description, attachments, client. */
export interface RequestFields {
  entity: string;
  subject?: { key: string; maxLength?: number };
  description?: { key: string; maxLength?: number };
  files?: { key: string; multiple: boolean };
  client?: { key: string; many: boolean };
}

export function requestFields(account: PortalAccount, body: EntityBody): RequestFields {
  const fields = body.fields;
  const title = fields.find((f) => f.key === body.titleField && f.type === 'string');
  const subject = title ?? fields.find((f) => f.type === 'string');
  const description = fields.find((f) => f.type === 'text');
  const files = fields.find((f) => f.type === 'file');
  const client = fields.find((f) => f.key === account.requestClient && f.type === 'relation');
  return {
    entity: account.requests,
    ...(subject?.type === 'string' ? { subject: { key: subject.key, maxLength: subject.maxLength } } : {}),
    ...(description?.type === 'text'
      ? { description: { key: description.key, maxLength: description.maxLength } }
      : {}),
    ...(files?.type === 'file' ? { files: { key: files.key, multiple: files.multiple === true } } : {}),
    ...(client?.type === 'relation' ? { client: { key: client.key, many: client.many === true } } : {}),
  };
}

/** A value cut to a field's length limit, so a long dialog never makes the form refuse its own draft. */
export const fit = (value: string, maxLength?: number) => (maxLength ? value.slice(0, maxLength) : value);
