import { type PageBody, type Problem, validateDefinitionBody } from '@opora/runtime/definitions';
import type { Locale } from '@opora/sdk';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../components/Link';
import { WidgetEmpty, WidgetLoading } from '../../components/WidgetStates';
import { useSession } from '../../state/session';
import { audienceOf } from '../audience';
import { PageRenderer } from '../PageRenderer';
import { previewBody, previewReady } from './preview-protocol';
import '../i18n';

type Shown =
  | { kind: 'waiting' }
  | { kind: 'page'; body: PageBody }
  | { kind: 'problems'; problems: Problem[] };

/**
 * `/preview/page`, inside the page designer's iframe: renders the draft the designer posts, with the portal's
 * own renderer, after checking it with the same validation as publishing (problems listed instead of a crash).
 */
export function PreviewPage() {
  const { t, i18n } = useTranslation();
  const who = audienceOf(useSession());
  const [shown, setShown] = useState<Shown>({ kind: 'waiting' });
  useEffect(() => {
    if (who !== 'staff') return;
    const onMessage = (event: MessageEvent) => {
      const message = previewBody(event, location.origin);
      if (!message) return;
      const problems = validateDefinitionBody('page', message.body, i18n.language as Locale);
      setShown(
        problems.length ? { kind: 'problems', problems } : { kind: 'page', body: message.body as PageBody },
      );
    };
    window.addEventListener('message', onMessage);
    if (window.parent !== window) window.parent.postMessage(previewReady, location.origin);
    return () => window.removeEventListener('message', onMessage);
  }, [who, i18n.language]);

  if (who === null) return <WidgetLoading />;
  if (who !== 'staff')
    return (
      <WidgetEmpty>
        <p>{t('site.preview.staffOnly')}</p>
        {who === 'anonymous' && (
          <Link to="/login?next=%2Fpreview%2Fpage" className="btn primary">
            {t('site.preview.signIn')}
          </Link>
        )}
      </WidgetEmpty>
    );
  if (shown.kind === 'waiting') return <WidgetEmpty>{t('site.preview.waiting')}</WidgetEmpty>;
  if (shown.kind === 'problems')
    return (
      <div className="banner error preview-problems" role="alert" data-testid="preview-problems">
        <strong>{t('site.preview.problems')}</strong>
        <ul>
          {shown.problems.map((p) => (
            <li key={`${p.pointer}:${p.message}`}>
              {p.pointer && <code>{p.pointer}</code>} {p.message}
            </li>
          ))}
        </ul>
      </div>
    );
  return <PageRenderer body={shown.body} />;
}
