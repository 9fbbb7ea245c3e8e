import type { Database, Em } from '../../db/database.js';

/** A dialog's rating as staff see it. */
export interface CsatView {
  conversationId: string;
  channel: string;
  lineKey: string | null;
  operatorId: string | null;
  askedAt: string;
  score: number | null;
  comment: string | null;
  ratedAt: string | null;
}

type Row = Record<string, unknown>;
const iso = (value: unknown) => (value == null ? null : new Date(value as string).toISOString());

export const csatView = (row: Row): CsatView => ({
  conversationId: String(row.conversation_id),
  channel: String(row.channel),
  lineKey: row.line_key == null ? null : String(row.line_key),
  operatorId: row.operator_id == null ? null : String(row.operator_id),
  askedAt: iso(row.asked_at)!,
  score: row.score == null ? null : Number(row.score),
  comment: row.comment == null ? null : String(row.comment),
  ratedAt: iso(row.rated_at),
});

/** The ask and the dialog's state, locked: two presses of one dialog are applied one after the other. */
export interface LockedAsk {
  row: Row;
  /** False once the dialog was reopened after the client was asked: the rating is final then. */
  changeable: boolean;
}

export async function lockAsk(
  db: Database,
  tx: Em,
  where: { conversationId: string } | { tokenHash: string },
): Promise<LockedAsk | null> {
  const [row] = await db.query<Row>(
    `select s.*, c.status as conversation_status, c.closed_at as conversation_closed_at from csat s
       join conversation c on c.id = s.conversation_id
      where ${'tokenHash' in where ? 's.token_hash = ?' : 's.conversation_id = ?'}
      for update of s`,
    ['tokenHash' in where ? where.tokenHash : where.conversationId],
    tx,
  );
  if (!row) return null;
  const changeable =
    row.conversation_status === 'closed' &&
    new Date(row.conversation_closed_at as string).getTime() <= new Date(row.asked_at as string).getTime();
  return { row, changeable };
}
