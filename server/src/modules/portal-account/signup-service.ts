import { randomUUID } from 'node:crypto';
import type { Locale, SignupInput } from '@opora/sdk';
import { type Clock, dateOf } from '../../adapters/clock.js';
import type { Database } from '../../db/database.js';
import type { UserEntity } from '../../db/entities/user.js';
import { AppError, fail } from '../../http/app-error.js';
import { message } from '../../http/messages.js';
import { audit } from '../audit/audit-log.js';
import type { Actor } from '../auth/actor.js';
import type { IdentityService } from '../auth/identity-service.js';
import { hashPassword } from '../auth/secrets.js';
import type { DefinitionService } from '../definitions/definition-service.js';
import type { RecordService } from '../records/record-service.js';
import type { EmailConfirmation } from './email-confirmation.js';
import { portalAccount } from './portal-mapping.js';

/**
 * Portal sign-up: an account with the role `client` and a new client record linked to it, in one transaction.
 * The record is always new: nobody has verified the address yet, so linking to an existing client with the same
 * email would hand that client's requests to whoever typed it. A confirmation link is mailed in the same
 * transaction; only once it is opened do requests sent anonymously from the address become the client's.
 */
export class SignupService {
  constructor(
    private readonly deps: {
      db: Database;
      definitions: DefinitionService;
      records: RecordService;
      identity: IdentityService;
      clock: Clock;
      confirmation: EmailConfirmation;
    },
  ) {}

  /** `origin` is where the confirmation link points (PUBLIC_URL, or the request's origin without it). */
  async signup(input: SignupInput, locale: Locale, origin: string): Promise<UserEntity> {
    const { db, definitions, records, identity, confirmation } = this.deps;
    const name = input.name.trim();
    const email = input.email.trim();
    const login = email.toLowerCase();
    // Hashing is slow on purpose; done before the transaction so it holds no locks meanwhile.
    const passwordHash = await hashPassword(input.password);
    const id = randomUUID();
    await db.transaction(async (tx) => {
      const account = await portalAccount(definitions, tx);
      if (!account) throw fail.portalAccountsOff();
      const taken = await db.query(
        'select 1 from app_user where lower(login) = ? or lower(email) = ? limit 1',
        [login, login],
        tx,
      );
      if (taken.length) throw fail.emailTaken(message(locale, 'email_taken'));
      const inserted = await db.query(
        `insert into app_user (id, login, name, email, password_hash, roles, locale)
         values (?, ?, ?, ?, ?, '{client}', ?) on conflict (login) do nothing returning id`,
        [id, login, name, email, passwordHash, locale],
        tx,
      );
      if (!inserted.length) throw fail.emailTaken(message(locale, 'email_taken'));
      const actor: Actor = { id, login, name, roles: ['client'], locale, via: 'session' };
      const fields = { [account.clientName]: name, [account.clientEmail]: email };
      const record = await records
        .create(account.clients, fields, actor, locale, { em: tx, grantedBy: 'portal' })
        .catch((error: unknown) => {
          throw asSignupProblem(error, account.clientName, account.clientEmail, locale);
        });
      // The record row must exist before the account points at it.
      await tx.flush();
      await db.query('update app_user set record_id = ? where id = ?', [record.id, id], tx);
      audit(tx, actor, {
        at: dateOf(this.deps.clock),
        action: 'create',
        targetType: 'user',
        targetId: id,
        after: { login, name, email, roles: ['client'], locale, recordId: record.id },
      });
      await confirmation.sendLink(id, origin, tx);
    });
    const user = await identity.userById(id);
    if (!user) throw new Error(`signed-up user ${id} vanished`);
    return user;
  }
}

/**
 * Field problems of the new client record, pointed at the sign-up fields they come from where there is one.
 * A client type whose email is unique refuses an address staff already recorded: that person is told to ask
 * support, who can vouch for them, rather than being linked to the record unverified.
 */
function asSignupProblem(error: unknown, nameField: string, emailField: string, locale: Locale): unknown {
  if (!(error instanceof AppError) || error.code !== 'validation_failed') return error;
  const fieldOf = (pointer: string) => pointer.replace(/^\/data\//, '').split('/')[0] ?? '';
  if (error.details.some((d) => d.code === 'unique' && fieldOf(d.pointer) === emailField))
    return fail.clientEmailKnown(message(locale, 'client_email_known'));
  const pointers: Record<string, string> = { [nameField]: '/name', [emailField]: '/email' };
  return fail.validation(
    error.details.map((d) => {
      const pointer = pointers[fieldOf(d.pointer)];
      return pointer ? { ...d, pointer } : d;
    }),
  );
}
