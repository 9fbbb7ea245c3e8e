import { portalKey } from '@opora/runtime/definitions';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../components/Icon';
import { client } from '../lib/api';

/**
 * Where the published version of this page lives on the portal: its own path, or `/` when the published
 * portal settings make it the home page. Nothing for a page never published.
 */
async function publishedPath(definitionId: string, version: number): Promise<string> {
  const published = await client.getVersion(definitionId, version);
  const path = (published.body as { path?: string }).path ?? '/';
  const portal = await client.getPublished('portal', portalKey).catch(() => null);
  return (portal?.body as { homePage?: string } | undefined)?.homePage === published.key ? '/' : path;
}

export function OpenOnPortal({
  definitionId,
  latestVersion,
}: {
  definitionId: string;
  latestVersion: number | null;
}) {
  const { t } = useTranslation();
  const [path, setPath] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    setPath(null);
    if (latestVersion !== null)
      publishedPath(definitionId, latestVersion).then(
        (p) => current && setPath(p),
        () => current && setPath(null),
      );
    return () => {
      current = false;
    };
  }, [definitionId, latestVersion]);
  if (!path) return null;
  return (
    <a
      className="btn"
      href={path}
      target="_blank"
      rel="noopener"
      data-testid="pd-open-on-portal"
      title={t('pageDesigner.preview.openHint', { path })}
    >
      <Icon name="external" className="pd-svg" /> {t('pageDesigner.preview.openOnPortal')}
    </a>
  );
}
