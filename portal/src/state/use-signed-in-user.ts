import type { User } from '@opora/sdk';
import { useEffect } from 'react';
import { navigate, usePath } from '../lib/router';
import { useSession } from './session';

/**
 * The user of a page that needs one: an anonymous visitor is sent to sign in and brought back to this address;
 * null until the session is known (and while the redirect happens).
 */
export function useSignedInUser(): User | null {
  const path = usePath();
  const session = useSession();
  useEffect(() => {
    if (session.status === 'anonymous') navigate(`/login?${new URLSearchParams({ next: path })}`, true);
  }, [session.status, path]);
  return session.status === 'signed-in' ? session.user : null;
}
