import type { DefinitionVersion, DefinitionVersionSummary } from '@opora/sdk';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../lib/api';
import { JsonEditor } from './JsonEditor';

/** Published versions, newest first; any of them opens read-only. */
export function VersionsPanel({ id, refreshKey }: { id: string; refreshKey: number }) {
  const { t, i18n } = useTranslation();
  const [versions, setVersions] = useState<DefinitionVersionSummary[] | null>(null);
  const [open, setOpen] = useState<DefinitionVersion | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: refreshKey changes after a publish to reload the list
  useEffect(() => {
    void client.listVersions(id).then((r) => setVersions(r.items));
  }, [id, refreshKey]);
  if (!versions) return <p className="muted">{t('common.loading')}</p>;
  if (!versions.length) return <p className="empty">{t('editor.noVersions')}</p>;
  return (
    <div className="versions">
      <table className="table">
        <thead>
          <tr>
            <th>{t('list.version')}</th>
            <th>{t('editor.publishedAt')}</th>
            <th>{t('editor.publishedBy')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr key={v.version} data-testid="version-row">
              <td>v{v.version}</td>
              <td>{new Date(v.publishedAt).toLocaleString(i18n.language)}</td>
              <td>{v.publishedBy ?? '—'}</td>
              <td>
                <button
                  type="button"
                  className="btn"
                  onClick={() => void client.getVersion(id, v.version).then(setOpen)}
                >
                  {t('editor.open')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {open && (
        <section>
          <h3>{t('editor.versionTitle', { version: open.version })}</h3>
          <JsonEditor value={JSON.stringify(open.body, null, 2)} marks={[]} readOnly />
        </section>
      )}
    </div>
  );
}
