import { createHash, randomBytes } from 'node:crypto';

/** How long an e-mailed rating link works. */
export const csatLinkDays = 7;

/**
 * The rating link's token: 32 random bytes, of which only the SHA-256 is stored, so the database alone cannot
 * rebuild a link. It rates one dialog and nothing else, and stops working when it expires or the dialog reopens.
 */
export function newCsatToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: csatTokenHash(token) };
}

export const csatTokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** A token as `newCsatToken` makes them; anything else is refused before any lookup. */
export const csatTokenPattern = '^[A-Za-z0-9_-]{43}$';
