import type { Locale } from '@opora/sdk';
import type { Database, Em } from '../../db/database.js';

const cyrillic = /[\u0400-\u04FF]/;
const latin = /[A-Za-z]/;

/**
 * The language to write to a client in: channels do not say which one they read, so it is taken from what they
 * wrote last — Russian when any Cyrillic is there, English when only Latin letters are, Russian otherwise.
 */
export async function clientLocale(db: Database, tx: Em, conversationId: string): Promise<Locale> {
  const rows = await db.query<{ text: string }>(
    `select text from message where conversation_id = ? and direction = 'in' order by seq desc limit 5`,
    [conversationId],
    tx,
  );
  const written = rows.map((row) => row.text).join(' ');
  if (cyrillic.test(written)) return 'ru';
  return latin.test(written) ? 'en' : 'ru';
}
