import type { Database } from '../../db/database.js';

/** A session quiet this long (and not with operators) has stopped: the client went silent at its block. */
export const silentAfterMs = 30 * 60_000;

/** How live sessions went through one block. */
export interface BlockStats {
  /** Sessions that ran the block at least once. */
  reached: number;
  /** Sessions that ended or went silent with this as their last block (not those with operators). */
  left: number;
  /** Sessions that handed the dialog to operators from this block. */
  handedOver: number;
}

export interface BotStats {
  /** Sessions counted (of the version asked, or of every published version). */
  sessions: number;
  /** The published versions that have sessions, newest first. */
  versions: number[];
  blocks: Record<string, BlockStats>;
}

type Count = { block: string | null; n: string | number };

/**
 * Per-block statistics of a bot from its sessions' rows: what each session reached and handed over from is kept
 * on the row by the step that did it, so reading costs one pass over the bot's sessions (by the bot index) and
 * the turns pay nothing extra. `version` narrows to one published version.
 */
export async function botStats(db: Database, key: string, version: number | undefined, now: Date) {
  const where = version === undefined ? 'bot_key = ?' : 'bot_key = ? and bot_version = ?';
  const params = version === undefined ? [key] : [key, version];
  const silentSince = new Date(now.getTime() - silentAfterMs);
  // One after another: the embedded database has one connection.
  const totals = await db.query<{ n: string | number }>(
    `select count(*) as n from bot_session where ${where}`,
    params,
  );
  const versions = await db.query<{ v: number }>(
    'select distinct bot_version as v from bot_session where bot_key = ? order by v desc',
    [key],
  );
  const reached = await db.query<Count>(
    `select block, count(*) as n from bot_session, unnest(reached) as block where ${where} group by block`,
    params,
  );
  const handed = await db.query<Count>(
    `select block, count(*) as n from bot_session, unnest(handed_over_from) as block where ${where}
      group by block`,
    params,
  );
  const left = await db.query<Count>(
    `select state->>'block' as block, count(*) as n from bot_session
      where ${where} and state->>'block' is not null and state->>'status' <> 'handedOver'
        and (status = 'ended' or state->>'status' = 'ended' or updated_at < ?)
      group by 1`,
    [...params, silentSince],
  );
  const blocks = new Map<string, BlockStats>();
  const at = (id: string) => {
    const found = blocks.get(id) ?? { reached: 0, left: 0, handedOver: 0 };
    blocks.set(id, found);
    return found;
  };
  for (const row of reached) if (row.block) at(row.block).reached = Number(row.n);
  for (const row of handed) if (row.block) at(row.block).handedOver = Number(row.n);
  for (const row of left) if (row.block) at(row.block).left = Number(row.n);
  return {
    sessions: Number(totals[0]?.n ?? 0),
    versions: versions.map((row) => Number(row.v)),
    blocks: Object.fromEntries(blocks),
  } satisfies BotStats;
}
