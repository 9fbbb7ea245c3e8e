import { lazy, type ReactNode, Suspense } from 'react';
import { Loading } from '../components/ScreenStates';
import { matchPath, router } from '../lib/router';
import { ChangePasswordPage } from './ChangePasswordPage';
import { ConfirmEmailPage } from './ConfirmEmailPage';
import { ForgotPasswordPage } from './ForgotPasswordPage';
import { MyTasksPage } from './MyTasksPage';
import { RequestPage } from './RequestPage';
import { ResetPasswordPage } from './ResetPasswordPage';
import { SignupPage } from './SignupPage';

// A task's page renders its form: the form renderer comes in its own chunk, not on the portal's home page.
const MyTaskPage = lazy(() => import('./MyTaskPage').then((m) => ({ default: m.MyTaskPage })));

/**
 * Sign-up, the password change, the pages of links sent by mail (password reset, e-mail confirmation) and one
 * request and the process tasks («Мои задачи») of the personal account (the account itself is `/account`).
 */
export const accountRoutes: [string, () => ReactNode][] = [
  ['/signup', () => <SignupPage />],
  ['/account/password', () => <ChangePasswordPage />],
  ['/account/forgot', () => <ForgotPasswordPage />],
  ['/account/reset', () => <ResetPasswordPage />],
  ['/account/confirm', () => <ConfirmEmailPage />],
  ['/account/tasks', () => <MyTasksPage />],
  [
    '/account/tasks/:id',
    () => {
      const id = matchPath('/account/tasks/:id', router.path())?.id ?? '';
      return (
        <Suspense fallback={<Loading />}>
          <MyTaskPage key={id} id={id} />
        </Suspense>
      );
    },
  ],
  [
    '/account/requests/:id',
    () => {
      const id = matchPath('/account/requests/:id', router.path())?.id ?? '';
      return <RequestPage key={id} id={id} />;
    },
  ],
];
