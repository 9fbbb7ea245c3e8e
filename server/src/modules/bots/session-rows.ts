import { randomUUID } from 'node:crypto';
import type { BotSession } from '@opora/runtime/bots';
import type { Database, Em, Statement } from '../../db/database.js';
import { fromPgArray, toPgArray } from '../../db/pg-array.js';

/** A bot session as the `bot_session` table keeps it. */
export interface SessionRow {
  id: string;
  conversationId: string;
  botKey: string;
  botVersion: number;
  state: BotSession;
  status: 'active' | 'ended';
  /** The last client message (the conversation's `seq`) the session has taken. */
  handledSeq: number;
  /** The blocks the session has run, each once (for the designer's statistics). */
  reached: string[];
  /** The blocks from which the session handed the dialog to operators, each once. */
  handedOverFrom: string[];
  updatedAt: string;
}

type Row = Record<string, unknown>;

const sessionRow = (row: Row): SessionRow => ({
  id: String(row.id),
  conversationId: String(row.conversation_id),
  botKey: String(row.bot_key),
  botVersion: Number(row.bot_version),
  state: (typeof row.state === 'string' ? JSON.parse(row.state) : row.state) as BotSession,
  status: row.status as SessionRow['status'],
  handledSeq: Number(row.handled_seq),
  reached: fromPgArray(row.reached),
  handedOverFrom: fromPgArray(row.handed_over_from),
  updatedAt: new Date(row.updated_at as string).toISOString(),
});

/** The statement reading the conversation's active session (see {@link activeSession}). */
export const activeSessionStatement = (conversationId: string): Statement => ({
  sql: `select * from bot_session where conversation_id = ? and status = 'active'`,
  params: [conversationId],
});

/** The session of {@link activeSessionStatement}'s rows, or null. */
export const sessionOf = (rows: readonly unknown[]): SessionRow | null =>
  rows[0] ? sessionRow(rows[0] as Row) : null;

/** The conversation's active session, if any (the caller holds the conversation's lock). */
export async function activeSession(
  db: Database,
  tx: Em,
  conversationId: string,
): Promise<SessionRow | null> {
  const { sql, params } = activeSessionStatement(conversationId);
  return sessionOf(await db.query<Row>(sql, [...params], tx));
}

/** The conversation's latest session, active or ended (what the operator window shows). */
export async function latestSession(db: Database, tx: Em | undefined, conversationId: string) {
  const [row] = await db.query<Row>(
    `select * from bot_session where conversation_id = ?
      order by (status = 'active') desc, created_at desc, id limit 1`,
    [conversationId],
    tx,
  );
  return row ? sessionRow(row) : null;
}

export async function sessionById(db: Database, tx: Em, id: string): Promise<SessionRow | null> {
  const [row] = await db.query<Row>('select * from bot_session where id = ?', [id], tx);
  return row ? sessionRow(row) : null;
}

export async function insertSession(
  db: Database,
  tx: Em,
  input: { conversationId: string; state: BotSession; handledSeq: number },
  now: Date,
): Promise<SessionRow> {
  const [row] = await db.query<Row>(
    `insert into bot_session (id, conversation_id, bot_key, bot_version, state, status, handled_seq, created_at,
       updated_at)
     values (?, ?, ?, ?, ?::jsonb, 'active', ?, ?, ?) returning *`,
    [
      randomUUID(),
      input.conversationId,
      input.state.botKey,
      input.state.botVersion,
      JSON.stringify(input.state),
      input.handledSeq,
      now,
      now,
    ],
    tx,
  );
  return sessionRow(row!);
}

/** What a step changed; `ran` and `handedOverFrom` add to the session's sets (see {@link SessionRow}). */
export interface SessionChange {
  state?: BotSession;
  handledSeq?: number;
  status?: 'ended';
  ran?: readonly string[];
  handedOverFrom?: string;
}

/**
 * Writes what a step changed: the engine's state, the last client message taken when given, and the blocks
 * reached — in one update, so the statistics cost a turn no extra statement.
 */
export async function saveSession(
  db: Database,
  tx: Em,
  session: SessionRow,
  change: SessionChange,
  now: Date,
): Promise<SessionRow> {
  const state = change.state ?? session.state;
  const handledSeq = Math.max(session.handledSeq, change.handledSeq ?? 0);
  const status = change.status ?? session.status;
  const reached = union(session.reached, change.ran ?? []);
  const handedOverFrom = union(session.handedOverFrom, change.handedOverFrom ? [change.handedOverFrom] : []);
  // The sets are written only when the step added to them: most turns of a long dialog revisit known blocks.
  const grew = reached !== session.reached || handedOverFrom !== session.handedOverFrom;
  // The caller knows what it wrote: the update goes with the transaction's next statement (or its commit).
  await db.defer(
    grew
      ? `update bot_session set state = ?::jsonb, handled_seq = ?, status = ?, updated_at = ?, reached = ?::text[],
           handed_over_from = ?::text[] where id = ?`
      : 'update bot_session set state = ?::jsonb, handled_seq = ?, status = ?, updated_at = ? where id = ?',
    [
      JSON.stringify(state),
      handledSeq,
      status,
      now,
      ...(grew ? [toPgArray(reached), toPgArray(handedOverFrom)] : []),
      session.id,
    ],
    tx,
  );
  return { ...session, state, handledSeq, status, reached, handedOverFrom, updatedAt: now.toISOString() };
}

/** `known` with what `more` adds, in first-seen order; the same array when nothing is new. */
function union(known: string[], more: readonly string[]): string[] {
  const fresh = more.filter((id, i) => !known.includes(id) && more.indexOf(id) === i);
  return fresh.length ? [...known, ...fresh] : known;
}

/** Ends whatever session the conversation has running (the dialog closed). */
export async function endSessions(db: Database, tx: Em, conversationId: string, now: Date): Promise<void> {
  await db.query(
    `update bot_session set status = 'ended', updated_at = ? where conversation_id = ? and status = 'active'`,
    [now, conversationId],
    tx,
  );
}
