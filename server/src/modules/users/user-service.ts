import { randomUUID } from 'node:crypto';
import type { Locale, Role } from '@opora/sdk';
import { type Clock, dateOf } from '../../adapters/clock.js';
import type { Database } from '../../db/database.js';
import { ApiTokenEntity } from '../../db/entities/api-token.js';
import { SessionEntity } from '../../db/entities/session.js';
import { UserEntity } from '../../db/entities/user.js';
import { containsPattern } from '../../db/escape-like.js';
import { fail } from '../../http/app-error.js';
import { audit } from '../audit/audit-log.js';
import type { Actor } from '../auth/actor.js';
import { hashPassword } from '../auth/secrets.js';
import { userView } from '../auth/user-view.js';

export interface NewUser {
  login: string;
  name: string;
  email?: string | null;
  password: string;
  roles: Role[];
  locale?: Locale;
}

export type UserPatch = Partial<Omit<NewUser, 'login'> & { active: boolean }>;

/** Accounts of staff and portal clients. Passwords never leave this service except as argon2id hashes. */
export class UserService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    /** Told inside the transaction of every account change, so cached sessions of the account end at once. */
    private readonly credentialsChanging: (userId: string) => void = () => undefined,
  ) {}

  async list(q: string | undefined, limit: number, offset: number) {
    const where = q
      ? { $or: [{ login: { $ilike: containsPattern(q) } }, { name: { $ilike: containsPattern(q) } }] }
      : {};
    const [rows, total] = await this.db
      .em()
      .findAndCount(UserEntity, where, { orderBy: { login: 'asc' }, limit, offset });
    return { items: rows.map(userView), total, limit, offset };
  }

  async create(input: NewUser, actor: Actor | null): Promise<UserEntity> {
    return this.db.transaction(async (em) => {
      if (await em.count(UserEntity, { login: input.login }))
        throw fail.duplicate(`login ${input.login}`, '/login');
      const now = dateOf(this.clock);
      const user = Object.assign(new UserEntity(), {
        id: randomUUID(),
        createdAt: now,
        updatedAt: now,
        login: input.login,
        name: input.name,
        email: input.email ?? null,
        roles: [...new Set(input.roles)],
        locale: input.locale ?? 'ru',
        passwordHash: await hashPassword(input.password),
      });
      em.persist(user);
      audit(em, actor, {
        action: 'create',
        targetType: 'user',
        targetId: user.id,
        after: userView(user),
        at: now,
      });
      return user;
    });
  }

  async update(id: string, patch: UserPatch, actor: Actor | null): Promise<UserEntity> {
    return this.db.transaction(async (em) => {
      const user = await em.findOne(UserEntity, { id });
      if (!user) throw fail.notFound(`user ${id}`);
      this.credentialsChanging(id);
      const before = userView(user);
      const { password, roles, ...rest } = patch;
      Object.assign(user, rest);
      if (roles) user.roles = [...new Set(roles)];
      if (password) user.passwordHash = await hashPassword(password);
      // A reset means the account's credentials are no longer trusted: whoever held them is signed out, and
      // API tokens they may have issued die with them. A deactivated account keeps no sessions either.
      if (password || patch.active === false) await em.nativeDelete(SessionEntity, { userId: id });
      if (password) await em.nativeDelete(ApiTokenEntity, { userId: id });
      const after = userView(user);
      // A change that changes nothing (deactivating a deactivated account) leaves no audit row.
      if (password || JSON.stringify(after) !== JSON.stringify(before)) {
        user.updatedAt = dateOf(this.clock);
        audit(em, actor, {
          action: 'update',
          targetType: 'user',
          targetId: id,
          before,
          after,
          at: user.updatedAt,
        });
      }
      return user;
    });
  }
}
