import { lazy, type ReactNode, Suspense } from 'react';
import { ContactPage } from './ContactPage';

// Only staff preview drafts: the validator (ajv and every definition schema) loads with this page alone.
const PreviewPage = lazy(() => import('./preview/PreviewPage').then((m) => ({ default: m.PreviewPage })));

/** The portal's own pages besides the published ones: the feedback form and the designer's preview. */
export const siteRoutes: [string, () => ReactNode][] = [
  ['/contact', () => <ContactPage />],
  [
    '/preview/page',
    () => (
      <Suspense fallback={null}>
        <PreviewPage />
      </Suspense>
    ),
  ],
];
