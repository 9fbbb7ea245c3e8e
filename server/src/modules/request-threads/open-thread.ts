import { randomUUID } from 'node:crypto';
import type { Database, Em } from '../../db/database.js';
import type { ConversationView } from '../conversations/conversation-types.js';
import { conversationView } from '../conversations/rows.js';

/** The key of the portal channel: requests' threads need no definition, the server delivers them itself. */
export const portalChannelKey = 'portal';

/** Who a request's thread is with: its client card (if any) and the address its answers are mailed to. */
export interface ThreadParty {
  clientRecordId: string | null;
  email: string | null;
  displayName: string | null;
}

/** The request a thread belongs to, as its subject names it. */
export interface ThreadRequest {
  id: string;
  number: number;
  title: string;
}

/** The portal contact of one request: its own identity, so each request's answers thread on their own. */
const requestIdentity = (requestId: string) => `request:${requestId}`;

/** The request's thread, or null when it has none yet. */
export async function findThread(db: Database, requestId: string, em?: Em): Promise<ConversationView | null> {
  const [row] = await db.query<Record<string, unknown>>(
    `select * from conversation where request_record_id = ? and channel = 'portal'`,
    [requestId],
    em,
  );
  return row ? conversationView(row) : null;
}

/**
 * The statement that writes a request's thread: its portal contact (upserted) and the conversation linked to it,
 * in one round trip. One thread per request, also when two transactions write it at once (the second waits on
 * the unique index and writes nothing).
 */
function threadStatement(request: ThreadRequest, party: ThreadParty, now: Date) {
  return {
    sql: `with thread_contact as (
       insert into contact (id, channel, channel_key, external_id, display_name, email, client_record_id,
         created_at, updated_at)
       values (?, 'portal', ?, ?, ?, ?, ?, ?, ?)
       on conflict (channel_key, external_id) do update set updated_at = excluded.updated_at
       returning id)
     insert into conversation (id, channel, channel_key, contact_id, client_record_id, request_record_id, subject,
       status, handler, opened_at, last_message_at)
     select ?, 'portal', ?, thread_contact.id, ?, ?, ?, 'open', 'queue', ?, ? from thread_contact
     on conflict (request_record_id) where channel = 'portal' do nothing`,
    params: [
      randomUUID(),
      portalChannelKey,
      requestIdentity(request.id),
      party.displayName?.slice(0, 200) || null,
      party.email,
      party.clientRecordId,
      now,
      now,
      randomUUID(),
      portalChannelKey,
      party.clientRecordId,
      request.id,
      `№${request.number} ${request.title}`.slice(0, 300),
      now,
      now,
    ],
  };
}

/**
 * Writes a new request's thread with tx's commit (a deferred write: the save that creates the request waits for
 * no answer). Read it in tx through `Database.query` only (see `Database.defer`).
 */
export async function writeThreadLater(
  db: Database,
  tx: Em,
  request: ThreadRequest,
  party: ThreadParty,
  now: Date,
): Promise<void> {
  const { sql, params } = threadStatement(request, party, now);
  await db.defer(sql, params, tx);
}

/**
 * Opens a request's thread, or answers the one it has: the write goes in front of the read, one round trip for
 * both (see {@link threadStatement}).
 */
export async function openThread(
  db: Database,
  tx: Em,
  request: ThreadRequest,
  party: ThreadParty,
  now: Date,
): Promise<ConversationView> {
  await writeThreadLater(db, tx, request, party, now);
  const thread = await findThread(db, request.id, tx);
  if (!thread) throw new Error(`thread of request ${request.id} was neither inserted nor found`);
  return thread;
}

/**
 * Moves a request's thread to the request's current client (an anonymous request linked on sign-up, a request
 * reassigned by staff), so the client's account sees it and hears its messages. The mail address is kept unless
 * the thread had none.
 */
export async function followClient(
  db: Database,
  tx: Em,
  requestId: string,
  party: ThreadParty,
  now: Date,
): Promise<void> {
  await db.query(
    `update conversation set client_record_id = ? where request_record_id = ? and channel = 'portal'`,
    [party.clientRecordId, requestId],
    tx,
  );
  await db.query(
    `update contact set client_record_id = ?, email = coalesce(email, ?), updated_at = ?
      where channel_key = ? and external_id = ?`,
    [party.clientRecordId, party.email, now, portalChannelKey, requestIdentity(requestId)],
    tx,
  );
}
