import type { ArticleAudience, Role } from '@opora/sdk';
import { toPgArray } from '../../db/pg-array.js';
import type { Actor } from '../auth/actor.js';
import { staff } from '../auth/roles.js';

/** Who may change the knowledge base (articles, categories, synonyms). */
export const kbEditors: readonly Role[] = ['admin', 'analyst'];

/** Which articles a caller may read on the portal: visitors the public ones, clients theirs too, staff all. */
export function readableAudiences(actor: Actor | null): ArticleAudience[] {
  if (!actor) return ['public'];
  if (actor.roles.some((role) => staff.includes(role))) return ['public', 'clients', 'staff'];
  return ['public', 'clients'];
}

/** The readable audiences as a bound `?::text[]` parameter. */
export const audienceParam = (actor: Actor | null): string => toPgArray(readableAudiences(actor));
