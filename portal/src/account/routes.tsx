import type { ReactNode } from 'react';
import { matchPath, router } from '../lib/router';
import { ChangePasswordPage } from './ChangePasswordPage';
import { RequestPage } from './RequestPage';
import { SignupPage } from './SignupPage';

/** Sign-up, the password change and one request of the personal account (the account itself is `/account`). */
export const accountRoutes: [string, () => ReactNode][] = [
  ['/signup', () => <SignupPage />],
  ['/account/password', () => <ChangePasswordPage />],
  [
    '/account/requests/:id',
    () => {
      const id = matchPath('/account/requests/:id', router.path())?.id ?? '';
      return <RequestPage key={id} id={id} />;
    },
  ],
];
