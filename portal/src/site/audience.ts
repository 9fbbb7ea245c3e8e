import { staffRoles, type User } from '@opora/sdk';
import type { SessionState } from '@opora/sdk/web';

/** Who is looking at the portal, in the words page and menu audiences use. */
export type Audience = 'anonymous' | 'client' | 'staff';

export const isStaffUser = (user: User): boolean => user.roles.some((r) => staffRoles.includes(r));

/** Null while the session is still being asked for: only items meant for everyone show then. */
export function audienceOf(session: SessionState): Audience | null {
  if (session.status === 'loading') return null;
  if (session.status === 'anonymous') return 'anonymous';
  return isStaffUser(session.user) ? 'staff' : 'client';
}

/** Items without an audience are for everyone; the others only for the audiences they list. */
export function visibleTo<T extends { audience?: readonly Audience[] }>(
  items: readonly T[],
  who: Audience | null,
): T[] {
  return items.filter((item) => !item.audience || (who !== null && item.audience.includes(who)));
}
