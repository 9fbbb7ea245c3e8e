import type { Locale } from '@opora/sdk';
import { type Clock, dateOf } from '../../adapters/clock.js';
import type { JobContext, JobQueue } from '../../adapters/job-queue/index.js';
import type { Mailer } from '../../adapters/mail/index.js';
import type { Database, Em } from '../../db/database.js';
import type { AccountTokens } from '../auth/account-tokens.js';
import type { Actor } from '../auth/actor.js';
import type { DefinitionService } from '../definitions/definition-service.js';
import type { RecordService } from '../records/record-service.js';
import { confirmMail } from './confirm-texts.js';
import { linkAnonymousRequests } from './link-anonymous-requests.js';

export const emailConfirmJob = 'portal.email-confirm-mail';
/** How long a confirmation link works. */
export const confirmTtlMs = 24 * 3600_000;

interface ConfirmPayload {
  userId: string;
  origin: string;
}

interface Client {
  id: string;
  login: string;
  name: string;
  email: string | null;
  locale: Locale;
  record_id: string | null;
  email_confirmed_at: Date | string | null;
}

const clientColumns = 'id, login, name, email, locale, record_id, email_confirmed_at';

/**
 * A client proves the sign-up address is theirs by opening a link mailed to it; from then on the requests sent
 * anonymously from that address are theirs too. The mail goes from a job (retried), the token is made inside it.
 */
export class EmailConfirmation {
  constructor(
    private readonly deps: {
      db: Database;
      clock: Clock;
      queue: JobQueue;
      tokens: AccountTokens;
      mailer: Mailer;
      definitions: DefinitionService;
      records: RecordService;
    },
  ) {}

  /** Queues the mail; pass the sign-up's transaction so the mail goes exactly when the account exists. */
  async sendLink(userId: string, origin: string, em?: Em): Promise<void> {
    const payload: ConfirmPayload = { userId, origin };
    await this.deps.queue.enqueue(emailConfirmJob, payload, { maxAttempts: 5 }, em);
  }

  /** Whether the caller's address is confirmed (the account page offers to send the link again when not). */
  async status(userId: string): Promise<{ email: string | null; confirmed: boolean }> {
    const client = await this.client(userId);
    return { email: client?.email ?? null, confirmed: Boolean(client?.email_confirmed_at) };
  }

  /** The job: a still-unconfirmed account with an address gets a link (a newer link replaces older ones). */
  readonly sendMail = async (payload: unknown, { em }: JobContext): Promise<void> => {
    const { userId, origin } = payload as ConfirmPayload;
    if (typeof userId !== 'string' || typeof origin !== 'string') return;
    const client = await this.client(userId, em);
    if (!client?.email || client.email_confirmed_at) return;
    const token = await this.deps.tokens.issue(em, client.id, 'email_confirm', confirmTtlMs, client.email);
    const link = `${origin}/account/confirm?token=${encodeURIComponent(token)}`;
    await this.deps.mailer.send(confirmMail(client.email, client, link));
  };

  /**
   * Confirms the address the link was sent to — only if it is still the account's address — and links the
   * requests sent anonymously from it, in one transaction. Null for a bad link; otherwise how many were linked.
   */
  async confirm(token: string): Promise<{ linked: number } | null> {
    const { db, tokens } = this.deps;
    return db.transaction(async (tx) => {
      const used = await tokens.consume(tx, token, 'email_confirm');
      if (!used?.email) return null;
      const client = await this.client(used.userId, tx);
      if (!client?.email || client.email.toLowerCase() !== used.email.toLowerCase()) return null;
      await db.query(
        'update app_user set email_confirmed_at = ? where id = ?',
        [dateOf(this.deps.clock), client.id],
        tx,
      );
      if (!client.record_id) return { linked: 0 };
      const actor: Actor = {
        id: client.id,
        login: client.login,
        name: client.name,
        roles: ['client'],
        locale: client.locale,
        via: 'session',
      };
      const linked = await linkAnonymousRequests(this.deps, tx, {
        actor,
        recordId: client.record_id,
        email: client.email,
        locale: client.locale,
      });
      return { linked };
    });
  }

  private async client(userId: string, em?: Em): Promise<Client | null> {
    const [row] = await this.deps.db.query<Client>(
      `select ${clientColumns} from app_user where id = ? and active`,
      [userId],
      em,
    );
    return row ?? null;
  }
}
