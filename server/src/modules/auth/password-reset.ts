import type { Locale, Role } from '@opora/sdk';
import type { JobContext, JobQueue } from '../../adapters/job-queue/index.js';
import type { Mailer } from '../../adapters/mail/index.js';
import type { Database } from '../../db/database.js';
import type { AccountTokens } from './account-tokens.js';
import type { Actor } from './actor.js';
import type { IdentityService } from './identity-service.js';
import { resetMail } from './reset-texts.js';
import { hashPassword } from './secrets.js';

export const passwordResetJob = 'auth.password-reset-mail';
/** How long a reset link works. */
export const resetTtlMs = 3600_000;

interface ResetPayload {
  login: string;
  origin: string;
}

interface Account {
  id: string;
  login: string;
  name: string;
  email: string;
  locale: Locale;
  roles: Role[] | string;
}

/**
 * «Забыли пароль?» for anyone whose account has an e-mail (clients and staff alike). Asking only queues a job,
 * so the answer and its timing are the same whether the address exists or not; the job looks the account up,
 * issues the token and sends the mail, retried when the mail server refuses. The token is made inside the job
 * and never stored in clear (not even in the job's payload): a retry simply sends a fresh link.
 */
export class PasswordReset {
  constructor(
    private readonly deps: {
      db: Database;
      queue: JobQueue;
      tokens: AccountTokens;
      mailer: Mailer;
      identity: IdentityService;
    },
  ) {}

  async request(login: string, origin: string): Promise<void> {
    const payload: ResetPayload = { login: normalAddress(login), origin };
    await this.deps.queue.enqueue(passwordResetJob, payload, { maxAttempts: 5 });
  }

  /** The job: an active account whose login or e-mail matches gets a link; anyone else, nothing. */
  readonly sendMail = async (payload: unknown, { em }: JobContext): Promise<void> => {
    const { login, origin } = payload as ResetPayload;
    if (typeof login !== 'string' || typeof origin !== 'string') return;
    const { db, tokens, mailer } = this.deps;
    // A login equal to the text wins over someone else's e-mail equal to it.
    const [account] = await db.query<Account>(
      `select id, login, name, email, locale, roles from app_user
       where active and email is not null and email <> '' and (lower(login) = ? or lower(email) = ?)
       order by (lower(login) = ?) desc limit 1`,
      [login, login, login],
      em,
    );
    if (!account) return;
    const token = await tokens.issue(em, account.id, 'password_reset', resetTtlMs, account.email);
    const link = `${origin}/account/reset?token=${encodeURIComponent(token)}`;
    await mailer.send(resetMail(account.email, account, link));
  };

  /**
   * Sets the new password from a valid link, in one transaction: the token is used up, every session of the
   * account ends (whoever took it over is signed out), and the change is audited. False for a bad link.
   */
  async confirm(token: string, password: string): Promise<boolean> {
    const { db, tokens, identity } = this.deps;
    // Hashing is slow on purpose; done before the transaction so it holds no locks meanwhile.
    const passwordHash = await hashPassword(password);
    return db.transaction(async (em) => {
      const used = await tokens.consume(em, token, 'password_reset');
      if (!used) return false;
      const [account] = await db.query<Account>(
        'select id, login, name, email, locale, roles from app_user where id = ? and active',
        [used.userId],
        em,
      );
      if (!account) return false;
      const actor: Actor = {
        id: account.id,
        login: account.login,
        name: account.name,
        roles: [],
        locale: account.locale,
        via: 'session',
      };
      await identity.replacePassword(em, actor, passwordHash, 'reset');
      return true;
    });
  }
}

/** Logins and addresses compare without case and surrounding spaces. */
export const normalAddress = (value: string): string => value.trim().toLowerCase();
