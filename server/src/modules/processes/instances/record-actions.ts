import { type EntityBody, isStatusField } from '@opora/runtime/definitions';
import type { Database, Em } from '../../../db/database.js';
import type { ConversationStore } from '../../conversations/conversation-store.js';
import type { DefinitionService } from '../../definitions/definition-service.js';
import { portalAccount, publishedEntity, relationIds } from '../../portal-account/portal-mapping.js';
import type { RecordService } from '../../records/record-service.js';
import type { ProcessDocuments, StatusStep } from '../process-documents.js';

/** What a process does to the record it is about and to that record's client. */
export interface RecordActionPorts {
  db: Database;
  records: RecordService;
  definitions: DefinitionService;
  conversations: ConversationStore;
  documents: ProcessDocuments;
  language: 'ru' | 'en';
}

type RecordRef = { entity: string; id: string };

/**
 * Puts the record into `status` through the records' write path (validation, the status model's arrows, the
 * audit row, the save listeners), in `tx` — or, for a module's document (`@kb-article`), through its own type
 * (see process-documents.ts), `step` saying whose decision moved it and what it approved. The status field is the portal's request status for requests, else
 * the type's first field with a status model. Throws what refused it.
 */
export async function setRecordStatus(
  ports: RecordActionPorts,
  tx: Em,
  record: RecordRef | undefined,
  status: string,
  step: StatusStep = { by: null },
) {
  if (!record) throw new Error('the process is about no record');
  const document = ports.documents.of(record.entity);
  if (document) return document.setStatus(tx, record.id, status, step);
  const field = await statusFieldOf(ports, tx, record.entity);
  if (!field) throw new Error(`"${record.entity}" has no status field`);
  const current = await ports.records.get(record.entity, record.id, null, tx);
  const saved = await ports.records.update(
    record.entity,
    record.id,
    current.version,
    { [field]: status },
    null,
    ports.language,
    { em: tx },
  );
  return { id: record.id, version: saved.version, status };
}

/** The type's status field: the portal's request status for requests, else its first field with a status model. */
export async function statusFieldOf(
  ports: Pick<RecordActionPorts, 'definitions'>,
  tx: Em,
  entity: string,
): Promise<string | null> {
  const account = await portalAccount(ports.definitions, tx);
  if (account?.requests === entity) return account.requestStatus;
  const body: EntityBody | null = await publishedEntity(ports.definitions, entity, tx);
  return body?.fields.find(isStatusField)?.key ?? null;
}

/**
 * Writes to the record's client in their latest conversation, the way an operator answers (sent by its channel);
 * `messageId` makes a job run again send nothing new. Throws when the record has no client or the client no
 * conversation.
 */
export async function messageRecordClient(
  ports: RecordActionPorts,
  tx: Em,
  record: RecordRef | undefined,
  text: string,
  messageId: string,
) {
  if (!record) throw new Error('the process is about no record');
  const client = await clientOf(ports, tx, record);
  if (!client) throw new Error('the record has no client');
  const [conversation] = await ports.db.query<{ id: string }>(
    'select id from conversation where client_record_id = ? order by last_message_at desc nulls last, id limit 1',
    [client],
    tx,
  );
  if (!conversation) throw new Error('the client has no conversation');
  const sent = await ports.conversations.answerWithin(
    tx,
    conversation.id,
    { authorKind: 'system', message: { text, parts: [], attachments: [] }, clientMessageId: messageId },
    null,
  );
  return { conversationId: conversation.id, messageId: sent.id };
}

/** The client a record belongs to: itself for a client record, a request's client for a request. */
async function clientOf(ports: RecordActionPorts, tx: Em, record: RecordRef): Promise<string | null> {
  const account = await portalAccount(ports.definitions, tx);
  if (!account) return null;
  if (record.entity === account.clients) return record.id;
  if (record.entity !== account.requests) return null;
  const stored = await ports.records.get(record.entity, record.id, null, tx);
  return relationIds(stored.data[account.requestClient])[0] ?? null;
}
