import { randomUUID } from 'node:crypto';
import type { Locale, Role } from '@opora/sdk';
import { type Clock, dateOf } from '../../adapters/clock.js';
import type { Database, Em } from '../../db/database.js';
import { ApiTokenEntity } from '../../db/entities/api-token.js';
import { SessionEntity } from '../../db/entities/session.js';
import { UserEntity } from '../../db/entities/user.js';
import type { Unlisten } from '../../db/listen.js';
import { audit } from '../audit/audit-log.js';
import type { Actor } from './actor.js';
import { authChangeChannel, type CachedCredential, CredentialCache } from './credential-cache.js';
import { decoyPasswordHash, hashPassword, newSecret, sha256, verifyPassword } from './secrets.js';

export const sessionCookie = 'opora_session';

/** How often a token's last use is written at most. */
const lastUseWriteMs = 5 * 60_000;

/**
 * Sessions and API tokens: turning credentials into an {@link Actor}. Resolved ones are cached in memory (see
 * {@link CredentialCache}): a request with a known cookie or token sends no query.
 */
export class IdentityService {
  readonly cache: CredentialCache;
  private unlisten: Unlisten | null = null;

  constructor(
    private readonly db: Database,
    private readonly sessionTtlHours: number,
    private readonly clock: Clock,
    cache: CredentialCache = new CredentialCache(),
  ) {
    this.cache = cache;
  }

  /** Listens for credential changes; until this succeeds, every request reads its session from the database. */
  async start(log?: { warn(obj: object, msg: string): void }): Promise<void> {
    try {
      this.unlisten = await this.db.listen(
        authChangeChannel,
        (userId) => this.cache.userChanged(userId),
        // A logout or a role change may have been missed: every session is read from the database again.
        () => this.cache.clear(),
      );
      this.cache.setListening(true);
    } catch (err) {
      log?.warn({ err }, 'session change listener failed; sessions are read from the database each request');
    }
  }

  async stop(): Promise<void> {
    this.cache.setListening(false);
    await this.unlisten?.();
    this.unlisten = null;
  }

  /**
   * Call inside a transaction that ends or changes the user's sessions, tokens or account: this process stops
   * trusting what it cached for them at once; other processes hear of it from the database's NOTIFY on commit.
   */
  credentialsChanging(userId: string): void {
    this.cache.userChanging(userId);
  }

  /** Returns the user when login and password match an active account; same timing either way. */
  async checkPassword(login: string, password: string): Promise<UserEntity | null> {
    const user = await this.db.em().findOne(UserEntity, { login });
    const ok = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), password);
    return ok && user?.active ? user : null;
  }

  userById(id: string): Promise<UserEntity | null> {
    return this.db.em().findOne(UserEntity, { id });
  }

  async openSession(user: UserEntity): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
    const token = newSecret('os');
    const session = Object.assign(new SessionEntity(), {
      id: sha256(token),
      userId: user.id,
      csrfToken: newSecret('csrf'),
      createdAt: dateOf(this.clock),
      expiresAt: new Date(this.clock.now() + this.sessionTtlHours * 3600_000),
    });
    await this.db.em().persistAndFlush(session);
    return { token, csrfToken: session.csrfToken, expiresAt: session.expiresAt };
  }

  async closeSession(actor: Actor): Promise<void> {
    if (!actor.sessionId) return;
    this.credentialsChanging(actor.id);
    await this.db.em().nativeDelete(SessionEntity, { id: actor.sessionId });
  }

  /**
   * The user's own password change: the current password is checked, and every other session of the account
   * ends (someone who knew the old password is signed out); the session making the change stays. API tokens
   * stay too: they are separate, named credentials the user revokes on the tokens page, and ending them on a
   * routine change would silently break integrations. Answers false when the current password is wrong.
   */
  async changePassword(actor: Actor, current: string, next: string): Promise<boolean> {
    const user = await this.userById(actor.id);
    if (!user || !(await verifyPassword(user.passwordHash, current))) return false;
    const passwordHash = await hashPassword(next);
    await this.db.transaction((em) => this.replacePassword(em, actor, passwordHash, 'changed'));
    return true;
  }

  /**
   * Sets the account's password hash and ends its sessions, in the caller's transaction, audited: all of them,
   * or all but the actor's own when the actor is signed in with a session (their own change). A reset by mail
   * passes an actor without a session, so every session ends.
   */
  async replacePassword(em: Em, actor: Actor, passwordHash: string, how: 'changed' | 'reset'): Promise<void> {
    this.credentialsChanging(actor.id);
    await em.nativeUpdate(UserEntity, { id: actor.id }, { passwordHash });
    await em.nativeDelete(SessionEntity, {
      userId: actor.id,
      ...(actor.sessionId ? { id: { $ne: actor.sessionId } } : {}),
    });
    audit(em, actor, {
      at: dateOf(this.clock),
      action: 'update',
      targetType: 'user',
      targetId: actor.id,
      after: { password: how },
    });
  }

  /** From the cache, or one query: the session joined to its (active) user. */
  async actorFromSession(token: string): Promise<Actor | null> {
    const key = sha256(token);
    const cached = this.cache.get(key);
    if (cached) return { ...cached.actor };
    const ticket = this.cache.ticket();
    const [row] = await this.db.query<
      ActorRow & { session_id: string; csrf_token: string; expires_ms: number }
    >(
      `select u.id, u.login, u.name, u.roles, u.locale, s.id as session_id, s.csrf_token,
              (extract(epoch from s.expires_at) * 1000)::float8 as expires_ms
       from session s join app_user u on u.id = s.user_id
       where s.id = ? and s.expires_at > now() and u.active`,
      [key],
    );
    if (!row) return null;
    const actor = { ...actorFromRow(row, 'session'), sessionId: row.session_id, csrfToken: row.csrf_token };
    this.cache.put(key, { actor, expiresAt: Number(row.expires_ms) }, ticket);
    return { ...actor };
  }

  /** From the cache, or one query; the last use is written at most every few minutes (not on every call). */
  async actorFromToken(token: string): Promise<Actor | null> {
    // A bearer that cannot be an API token (a widget visitor's signed token, garbage) costs no query.
    if (!apiTokenShape.test(token)) return null;
    const key = `token:${sha256(token)}`;
    const cached = this.cache.get(key);
    if (cached) {
      await this.touchToken(cached);
      return { ...cached.actor };
    }
    const ticket = this.cache.ticket();
    const [row] = await this.db.query<ActorRow & { token_id: string; last_used_ms: number | null }>(
      `select u.id, u.login, u.name, u.roles, u.locale, t.id as token_id,
              (extract(epoch from t.last_used_at) * 1000)::float8 as last_used_ms
       from api_token t join app_user u on u.id = t.user_id
       where t.token_hash = ? and u.active`,
      [sha256(token)],
    );
    if (!row) return null;
    const credential: CachedCredential = {
      actor: actorFromRow(row, 'token'),
      expiresAt: Number.POSITIVE_INFINITY,
      touchedAt: row.last_used_ms === null ? 0 : Number(row.last_used_ms),
      tokenId: row.token_id,
    };
    await this.touchToken(credential);
    this.cache.put(key, credential, ticket);
    return { ...credential.actor };
  }

  private async touchToken(credential: CachedCredential): Promise<void> {
    const now = this.cache.now();
    if (!credential.tokenId || now - (credential.touchedAt ?? 0) < lastUseWriteMs) return;
    credential.touchedAt = now;
    await this.db.query('update api_token set last_used_at = now() where id = ?', [credential.tokenId]);
  }

  async issueToken(userId: string, name: string): Promise<{ token: string; item: ApiTokenEntity }> {
    const token = newSecret(apiTokenPrefix);
    const item = Object.assign(new ApiTokenEntity(), {
      id: randomUUID(),
      userId,
      name,
      tokenHash: sha256(token),
      createdAt: dateOf(this.clock),
    });
    await this.db.em().persistAndFlush(item);
    return { token, item };
  }
}

const apiTokenPrefix = 'opora';
/** `newSecret('opora')`: the prefix, an underscore and 32 random bytes in base64url. */
const apiTokenShape = /^opora_[A-Za-z0-9_-]{43}$/;

interface ActorRow {
  id: string;
  login: string;
  name: string;
  roles: Role[] | string;
  locale: Locale;
}

/** PGlite hands text[] back as a Postgres array literal, the pg driver as an array. */
function actorFromRow(row: ActorRow, via: Actor['via']): Actor {
  const roles = Array.isArray(row.roles)
    ? row.roles
    : (row.roles
        .replace(/^\{|\}$/g, '')
        .split(',')
        .filter(Boolean) as Role[]);
  return { id: row.id, login: row.login, name: row.name, roles, locale: row.locale, via };
}
