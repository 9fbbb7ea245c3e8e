import { createHash, randomBytes } from 'node:crypto';
import argon2 from 'argon2';

/** argon2id at the library's default cost (64 MiB, 3 passes, 4 lanes): about half a second of one core. */
const productCost = { memoryCost: 65_536, timeCost: 3, parallelism: 4 };
let cost = productCost;

/**
 * Test processes hash and verify thousands of throwaway passwords (a harness signs in one user per role): the
 * cheapest cost argon2id accepts keeps every hash real, and saves minutes of a two-core machine per suite run.
 * Called only from the test setup; a hash records its own cost, so verifying needs no setting.
 */
export function hashPasswordsCheaplyForTests(): void {
  cost = { memoryCost: 1024, timeCost: 1, parallelism: 1 };
}

export const hashPassword = (password: string): Promise<string> =>
  argon2.hash(password, { type: argon2.argon2id, ...cost });

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** A URL-safe random secret with a recognisable prefix (helps secret scanners and humans). */
export const newSecret = (prefix: string): string => `${prefix}_${randomBytes(32).toString('base64url')}`;

/** Secrets are stored only as SHA-256: they are long and random, so a slow hash adds nothing. */
export const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');

// A fixed hash to verify against when the login is unknown, so response time does not reveal which logins exist.
let decoyHash: Promise<string> | undefined;
export const decoyPasswordHash = (): Promise<string> => {
  decoyHash ??= hashPassword(randomBytes(16).toString('hex'));
  return decoyHash;
};
