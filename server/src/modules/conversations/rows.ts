import type { ContactView, ConversationView, MessageView } from './conversation-types.js';

// Rows as raw queries return them (snake_case, bigint as string).
type Row = Record<string, unknown>;

// Raw queries answer timestamps as Postgres text ('2026-12-02 21:41:31.013+00'), which Date reads.
const iso = (value: unknown) => new Date(value as string | Date).toISOString();
const isoOrNull = (value: unknown) => (value == null ? null : iso(value));
const textOrNull = (value: unknown) => (value == null ? null : String(value));
const parsed = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;

export const conversationView = (row: Row): ConversationView => ({
  id: String(row.id),
  channel: row.channel as ConversationView['channel'],
  channelKey: String(row.channel_key),
  lineKey: textOrNull(row.line_key),
  contactId: String(row.contact_id),
  clientRecordId: textOrNull(row.client_record_id),
  requestRecordId: textOrNull(row.request_record_id),
  subject: textOrNull(row.subject),
  status: row.status as ConversationView['status'],
  handler: row.handler as ConversationView['handler'],
  operatorId: textOrNull(row.operator_id),
  messageCount: Number(row.message_count),
  openedAt: iso(row.opened_at),
  lastMessageAt: iso(row.last_message_at),
  firstResponseAt: isoOrNull(row.first_response_at),
  resolvedAt: isoOrNull(row.resolved_at),
  closedAt: isoOrNull(row.closed_at),
});

export const messageView = (row: Row): MessageView => ({
  id: String(row.id),
  conversationId: String(row.conversation_id),
  seq: Number(row.seq),
  direction: row.direction as MessageView['direction'],
  authorKind: row.author_kind as MessageView['authorKind'],
  authorUserId: textOrNull(row.author_user_id),
  internal: Boolean(row.internal),
  text: String(row.text),
  parts: parsed(row.parts),
  attachments: parsed(row.attachments),
  clientMessageId: textOrNull(row.client_message_id),
  externalId: textOrNull(row.external_id),
  delivery: (row.delivery ?? null) as MessageView['delivery'],
  deliveryError: textOrNull(row.delivery_error),
  createdAt: iso(row.created_at),
});

export const contactView = (row: Row): ContactView => ({
  id: String(row.id),
  channel: row.channel as ContactView['channel'],
  channelKey: String(row.channel_key),
  externalId: String(row.external_id),
  displayName: textOrNull(row.display_name),
  email: textOrNull(row.email),
  phone: textOrNull(row.phone),
  clientRecordId: textOrNull(row.client_record_id),
});
