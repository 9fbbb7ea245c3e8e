import type { SessionState } from '@opora/sdk/web';
import { isStaff } from '../state/session';

/** Who is looking at the portal, in the words page and menu audiences use. */
export type Audience = 'anonymous' | 'client' | 'staff';

/** Null while the session is still being asked for: only items meant for everyone show then. */
export function audienceOf(session: SessionState): Audience | null {
  if (session.status === 'loading') return null;
  if (session.status === 'anonymous') return 'anonymous';
  return isStaff(session.user) ? 'staff' : 'client';
}

/** Items without an audience are for everyone; the others only for the audiences they list. */
export function visibleTo<T extends { audience?: readonly Audience[] }>(
  items: readonly T[],
  who: Audience | null,
): T[] {
  return items.filter((item) => !item.audience || (who !== null && item.audience.includes(who)));
}
