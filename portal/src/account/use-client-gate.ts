import type { User } from '@opora/sdk';
import { useEffect } from 'react';
import { navigate, router } from '../lib/router';
import { isStaff, useSession } from '../state/session';

export type Gate = { kind: 'wait' } | { kind: 'staff'; user: User } | { kind: 'client'; user: User };

/** The personal account is the client's: visitors are sent to sign in (and back here after), staff told so. */
export function useClientGate(): Gate {
  const session = useSession();
  useEffect(() => {
    if (session.status === 'anonymous') navigate(`/login?next=${encodeURIComponent(router.path())}`, true);
  }, [session.status]);
  if (session.status !== 'signed-in') return { kind: 'wait' };
  return isStaff(session.user)
    ? { kind: 'staff', user: session.user }
    : { kind: 'client', user: session.user };
}
