import { randomBytes, randomUUID } from 'node:crypto';
import { type Clock, dateOf } from '../../adapters/clock.js';
import type { Database, Em } from '../../db/database.js';
import { sha256 } from './secrets.js';

/** What a one-time link sent by mail is for. */
export type TokenPurpose = 'password_reset' | 'email_confirm';

export interface UsedToken {
  userId: string;
  /** The address the link was sent to (an e-mail confirmation confirms exactly this one). */
  email: string | null;
}

/**
 * One-time links sent by mail: 32 random bytes, of which only the SHA-256 is stored; each expires, is used once,
 * and a newer one of the same purpose replaces the older ones of the account.
 */
export class AccountTokens {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  /**
   * A new token, in the caller's transaction; the account's earlier unused tokens of that purpose stop working.
   * The account's row stays locked until that transaction ends.
   */
  async issue(
    em: Em,
    userId: string,
    purpose: TokenPurpose,
    ttlMs: number,
    email: string | null,
  ): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    // Two issues for one account at once (two jobs) take turns, so the later one sees and ends the earlier.
    // `no key update`: sign-ins (a session row referencing the account) are not held up meanwhile.
    await this.db.query('select id from app_user where id = ? for no key update', [userId], em);
    await this.db.query(
      'delete from account_token where user_id = ? and purpose = ? and used_at is null',
      [userId, purpose],
      em,
    );
    await this.db.query(
      `insert into account_token (id, user_id, purpose, token_hash, email, expires_at, created_at)
       values (?, ?, ?, ?, ?, ?, ?)`,
      [
        randomUUID(),
        userId,
        purpose,
        sha256(token),
        email,
        new Date(this.clock.now() + ttlMs),
        dateOf(this.clock),
      ],
      em,
    );
    return token;
  }

  /**
   * Marks the token used, in the caller's transaction, and answers whose it was; null when it is unknown,
   * used, expired or for another purpose. The row is locked, so two uses at once cannot both succeed.
   */
  async consume(em: Em, token: string, purpose: TokenPurpose): Promise<UsedToken | null> {
    const now = dateOf(this.clock);
    const [row] = await this.db.query<{ id: string; user_id: string; email: string | null }>(
      `select id, user_id, email from account_token
       where token_hash = ? and purpose = ? and used_at is null and expires_at > ? for update`,
      [sha256(token), purpose, now],
      em,
    );
    if (!row) return null;
    await this.db.query('update account_token set used_at = ? where id = ?', [now, row.id], em);
    return { userId: row.user_id, email: row.email };
  }
}
