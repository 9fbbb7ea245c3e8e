import type { PageBody } from '@opora/runtime/definitions';
import { ApiError } from '@opora/sdk';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../components/Link';
import { WidgetEmpty, WidgetError, WidgetLoading } from '../components/WidgetStates';
import { client } from '../lib/api';
import { localText } from '../lib/local-text';
import { useAsync } from '../lib/use-async';
import { useSession } from '../state/session';
import { useDocumentMeta } from './document-meta';
import { PageRenderer } from './PageRenderer';
import { usePortal } from './state/site-store';
import './i18n';

// The shape of a page's path in its definition: anything else cannot be a published page.
const pagePath = /^\/[a-z0-9/_-]*$/;

/**
 * The published page at a path, or `fallback` when there is none for this visitor (404). At `/` the server
 * answers with the portal's home page. Signing in or out asks again: pages can be for some audiences only.
 */
export function SitePage({
  path,
  fallback,
  fallbackOnError,
}: {
  path: string;
  fallback: ReactNode;
  fallbackOnError?: boolean;
}) {
  const session = useSession();
  const who = session.status === 'signed-in' ? session.user.id : session.status;
  // Asked once the session is known, so a page for clients is not first refused and then asked again.
  const page = useAsync(
    () =>
      who === 'loading' || !pagePath.test(path)
        ? new Promise<never>(() => undefined)
        : client.portal.page(path),
    [path, who],
  );
  if (!pagePath.test(path)) return <>{fallback}</>;
  if (page.status === 'loading') return <WidgetLoading />;
  if (page.status === 'failed') {
    const status = page.error instanceof ApiError ? page.error.status : 0;
    // A page for signed-in audiences: a visitor is offered to sign in and come back.
    if (status === 401) return <SignInFirst path={path} />;
    const missing = status === 404 || status === 403;
    if (missing || fallbackOnError) return <>{fallback}</>;
    return <WidgetError error={page.error} onRetry={page.reload} />;
  }
  return <PublishedPage body={page.data.body as PageBody} />;
}

function PublishedPage({ body }: { body: PageBody }) {
  const { t, i18n } = useTranslation();
  const portal = usePortal();
  const site = portal ? localText(portal.name, i18n.language) : t('site.page.defaultTitle');
  const title = localText(body.title, i18n.language);
  useDocumentMeta(
    title && title !== site ? `${title} — ${site}` : site,
    body.description ? localText(body.description, i18n.language) : null,
  );
  return <PageRenderer body={body} />;
}

function SignInFirst({ path }: { path: string }) {
  const { t } = useTranslation();
  return (
    <section className="section narrow">
      <WidgetEmpty>
        <p>{t('site.page.signIn')}</p>
        <Link to={`/login?next=${encodeURIComponent(path)}`} className="btn primary">
          {t('site.page.signInButton')}
        </Link>
      </WidgetEmpty>
    </section>
  );
}
