import type { Database, Em } from '../../db/database.js';
import { AppError } from '../../http/app-error.js';
import { audit } from '../audit/audit-log.js';
import { type CsatView, csatView, type LockedAsk } from './csat-row.js';

export interface RatingChange {
  score?: number;
  comment?: string;
}

/**
 * Applies a client's rating or comment to an ask. Refused once the dialog reopened (409); the same score pressed
 * again changes nothing and writes nothing (`changed: false`), so a repeated press is harmless. The score change
 * and its audit row commit together.
 */
export async function applyRating(
  db: Database,
  tx: Em,
  ask: LockedAsk,
  change: RatingChange,
  now: Date,
): Promise<{ rating: CsatView; scoreChanged: boolean; changed: boolean }> {
  const before = csatView(ask.row);
  if (!ask.changeable) throw new AppError(409, 'csat_final', 'csat_final');
  if (change.score === undefined && before.score === null)
    throw new AppError(409, 'csat_not_rated', 'csat_not_rated');
  const score = change.score ?? before.score;
  const comment = change.comment === undefined ? before.comment : change.comment.trim() || null;
  if (score === before.score && comment === before.comment)
    return { rating: before, scoreChanged: false, changed: false };
  const [row] = await db.query<Record<string, unknown>>(
    'update csat set score = ?, comment = ?, rated_at = ? where conversation_id = ? returning *',
    [score, comment, now, before.conversationId],
    tx,
  );
  const rating = csatView(row!);
  audit(tx, null, {
    action: 'update',
    targetType: 'conversation',
    targetId: before.conversationId,
    before: { csat: { score: before.score, comment: before.comment } },
    after: { csat: { score: rating.score, comment: rating.comment } },
    at: now,
  });
  return { rating, scoreChanged: score !== before.score, changed: true };
}
