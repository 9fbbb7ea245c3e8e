import { createHmac, hkdfSync, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

/** What a widget token says: which visitor, on which channel, until when; `user` when a portal client signed in. */
export interface VisitorClaims {
  visitorId: string;
  channelKey: string;
  expiresAt: number;
}

/** How long a visitor keeps their history on one browser without coming back. */
export const visitorTokenDays = 90;
const longestToken = 1_000;

/**
 * Signed visitor tokens: `base64url(JSON claims).base64url(HMAC-SHA256)`. Nothing is stored: the signature is the
 * proof, so a widget on any site can hold its visitor across reloads without cookies (no CSRF to defend). The key is
 * derived from the secrets key, so every server process of one installation accepts every token; without one
 * (a PostgreSQL server started without OPORA_SECRETS_KEY) it is random per process and tokens end at a restart.
 */
export class VisitorTokens {
  private readonly key: Buffer;

  constructor(
    secretsKey: string | undefined,
    private readonly now: () => number,
  ) {
    this.key = secretsKey
      ? Buffer.from(hkdfSync('sha256', secretsKey, 'opora', 'widget visitor token v1', 32))
      : randomBytes(32);
  }

  /** A new anonymous visitor of a channel. */
  issueNew(channelKey: string): { token: string; claims: VisitorClaims } {
    return this.issue(`v-${randomUUID()}`, channelKey);
  }

  issue(visitorId: string, channelKey: string): { token: string; claims: VisitorClaims } {
    const claims = { visitorId, channelKey, expiresAt: this.now() + visitorTokenDays * 86_400_000 };
    const body = Buffer.from(
      JSON.stringify([claims.visitorId, claims.channelKey, claims.expiresAt]),
    ).toString('base64url');
    return { token: `${body}.${this.sign(body)}`, claims };
  }

  /** The claims of a genuine, unexpired token of this channel; null for anything else. */
  verify(token: string | undefined, channelKey: string): VisitorClaims | null {
    if (!token || token.length > longestToken) return null;
    const [body, signature, extra] = token.split('.');
    if (!body || !signature || extra !== undefined) return null;
    const expected = Buffer.from(this.sign(body));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    const claims = decode(body);
    if (!claims || claims.channelKey !== channelKey || claims.expiresAt <= this.now()) return null;
    return claims;
  }

  private sign(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }
}

function decode(body: string): VisitorClaims | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 3) return null;
    const [visitorId, channelKey, expiresAt] = value as unknown[];
    if (typeof visitorId !== 'string' || typeof channelKey !== 'string' || typeof expiresAt !== 'number')
      return null;
    return { visitorId, channelKey, expiresAt };
  } catch {
    return null;
  }
}

/** The token of a widget request: `Authorization: Bearer …` (the live socket passes it in its query instead). */
export function bearerOf(header: string | undefined): string | undefined {
  return header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
}
