import { randomUUID } from 'node:crypto';
import type { Locale } from '@opora/sdk';
import { type Clock, dateOf } from '../../adapters/clock.js';
import type { Database, Em } from '../../db/database.js';
import { AppError } from '../../http/app-error.js';
import { audit } from '../audit/audit-log.js';
import type { Actor } from '../auth/actor.js';
import type { ConversationStore } from '../conversations/conversation-store.js';
import type { ConversationView } from '../conversations/conversation-types.js';
import { lockConversation } from '../conversations/outbound.js';
import { clientLocale } from '../csat/client-locale.js';
import type { DefinitionService } from '../definitions/definition-service.js';
import { portalAccount, publishedEntity } from '../portal-account/portal-mapping.js';
import type { RecordService } from '../records/record-service.js';
import { escalatedNotice, fallbackSubject } from './escalation-texts.js';
import { fit, type RequestFields, requestFields } from './request-fields.js';
import { transcriptOf } from './transcript.js';

export interface EscalationDeps {
  db: Database;
  definitions: DefinitionService;
  records: RecordService;
  conversations: ConversationStore;
  clock: Clock;
}

/** The request a dialog was handed to. */
export interface EscalatedRequest {
  id: string;
  entity: string;
  number: number;
  title: string;
}

/** The template's request type and its fields, or a 409 saying why a dialog cannot become a request here. */
async function requestType(deps: EscalationDeps, locale: Locale, em?: Em): Promise<RequestFields> {
  const account = await portalAccount(deps.definitions, em);
  const body = account ? await publishedEntity(deps.definitions, account.requests, em) : null;
  if (!account || !body)
    throw new AppError(409, 'escalation_unavailable', 'escalation_unavailable', {
      reason: locale === 'en' ? 'the portal names no request type' : 'на портале не задан тип обращений',
    });
  return requestFields(account, body);
}

/** The request a dialog was escalated to, if any (a request's own portal thread is not an escalation). */
export async function escalatedTo(db: Database, conversation: ConversationView, em?: Em) {
  if (conversation.channel === 'portal' || !conversation.requestRecordId) return null;
  const [row] = await db.query<{ id: string; entity: string; number: string | number; title: string }>(
    'select id, entity, number, title from record where id = ?',
    [conversation.requestRecordId],
    em,
  );
  return row ? { id: row.id, entity: row.entity, number: Number(row.number), title: row.title } : null;
}

/** What the create form opens with: the dialog's subject, its transcript, the client. */
export async function escalationDraft(deps: EscalationDeps, conversation: ConversationView, locale: Locale) {
  const fields = await requestType(deps, locale);
  const transcript = await transcriptOf(deps.db, conversation.id, locale);
  const data: Record<string, unknown> = {};
  const subject =
    conversation.subject ??
    transcript.firstClientText?.split('\n')[0] ??
    fallbackSubject(locale, conversation.channel);
  if (fields.subject) data[fields.subject.key] = fit(subject.slice(0, 200), fields.subject.maxLength);
  if (fields.description) data[fields.description.key] = fit(transcript.text, fields.description.maxLength);
  if (fields.client && conversation.clientRecordId)
    data[fields.client.key] = fields.client.many
      ? [conversation.clientRecordId]
      : conversation.clientRecordId;
  return { entity: fields.entity, data, attachments: transcript.attachments.length };
}

/**
 * Hands a dialog to the second line: creates the request (through the type's own validation and access rights)
 * with what the operator's form says, the dialog's attachments added to its file field and the client set to the
 * dialog's client; links both ways; tells the client the number in their channel. One transaction with the audit
 * rows; a dialog escalated before answers 409 naming its request.
 */
export function escalate(
  deps: EscalationDeps,
  conversationId: string,
  input: Record<string, unknown>,
  actor: Actor,
  locale: Locale,
): Promise<EscalatedRequest> {
  return deps.db.transaction((tx) => escalateWithin(deps, tx, conversationId, input, actor, locale));
}

/** {@link escalate} inside the caller's transaction. */
export async function escalateWithin(
  deps: EscalationDeps,
  tx: Em,
  conversationId: string,
  input: Record<string, unknown>,
  actor: Actor,
  locale: Locale,
): Promise<EscalatedRequest> {
  const { db } = deps;
  const conversation = await lockConversation(db, tx, conversationId);
  if (conversation.channel === 'portal')
    throw new AppError(409, 'escalation_unavailable', 'escalation_unavailable', {
      reason: locale === 'en' ? 'this is already a request’s thread' : 'это уже переписка по обращению',
    });
  const existing = await escalatedTo(db, conversation, tx);
  if (existing)
    throw new AppError(409, 'escalation_exists', 'escalation_exists', { number: existing.number }, [
      { pointer: '/request', message: existing.id, code: 'escalation_exists' },
    ]);
  const fields = await requestType(deps, locale, tx);
  const transcript = await transcriptOf(db, conversation.id, locale, tx);
  const now = dateOf(deps.clock);
  const data = { ...input };
  if (fields.description && !String(data[fields.description.key] ?? '').trim())
    data[fields.description.key] = fit(transcript.text, fields.description.maxLength);
  if (fields.client && conversation.clientRecordId && data[fields.client.key] == null)
    data[fields.client.key] = fields.client.many
      ? [conversation.clientRecordId]
      : conversation.clientRecordId;
  if (fields.files && transcript.attachments.length) {
    const refs = await fileRows(db, tx, fields.entity, fields.files.key, transcript.attachments, actor, now);
    const given = data[fields.files.key];
    const had = Array.isArray(given) ? given : given ? [given] : [];
    data[fields.files.key] = fields.files.multiple ? [...had, ...refs] : (had[0] ?? refs[0]);
  }
  const record = await deps.records.create(fields.entity, data, actor, locale, { em: tx });
  await tx.flush();
  await db.query(
    'update conversation set request_record_id = ? where id = ?',
    [record.id, conversation.id],
    tx,
  );
  audit(tx, actor, {
    action: 'update',
    targetType: 'conversation',
    targetId: conversation.id,
    before: { requestRecordId: null },
    after: { requestRecordId: record.id, escalated: true },
    at: now,
  });
  const clientLanguage = await clientLocale(db, tx, conversation.id);
  await deps.conversations.answerWithin(
    tx,
    conversation.id,
    {
      authorKind: 'system',
      message: { text: escalatedNotice(clientLanguage, record.number), parts: [], attachments: [] },
    },
    actor,
  );
  return { id: record.id, entity: fields.entity, number: record.number, title: record.title };
}

/**
 * The dialog's files become files of the request's field: rows of the file table pointing at the same stored
 * content (the store is content-addressed, nothing is copied), uploaded "by" the operator, so the record's own
 * file checks accept them and its readers can download them.
 */
async function fileRows(
  db: Database,
  tx: Em,
  entity: string,
  field: string,
  attachments: readonly { fileId: string; name: string; contentType: string; size: number }[],
  actor: Actor,
  now: Date,
) {
  const refs = [];
  for (const file of attachments) {
    const id = randomUUID();
    await db.query(
      `insert into file (id, sha256, size, content_type, name, entity, field, created_by, created_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [id, file.fileId, file.size, file.contentType, file.name, entity, field, actor.id, now],
      tx,
    );
    refs.push({ id, name: file.name, size: file.size, contentType: file.contentType });
  }
  return refs;
}
