import type { DefinitionVersion, DefinitionVersionSummary } from '@opora/sdk';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../lib/api';
import { ConfirmDialog } from './ConfirmDialog';
import { JsonEditor } from './JsonEditor';

/**
 * Published versions, newest first; any of them opens read-only — with how the draft differs from it, where the
 * kind can say (`renderDiff`), and a way to make the draft that version again (`onRollback`, then publish).
 */
export function VersionsPanel({
  id,
  refreshKey,
  renderDiff,
  onRollback,
}: {
  id: string;
  refreshKey: number;
  renderDiff?: (version: DefinitionVersion) => ReactNode;
  /** Replaces the draft with the version's body; offered only to those who may write the draft. */
  onRollback?: (version: DefinitionVersion) => void;
}) {
  const { t, i18n } = useTranslation();
  const [versions, setVersions] = useState<DefinitionVersionSummary[] | null>(null);
  const [open, setOpen] = useState<DefinitionVersion | null>(null);
  const [asking, setAsking] = useState(false);
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
            <tr
              key={v.version}
              data-testid="version-row"
              className={open?.version === v.version ? 'selected' : undefined}
            >
              <td>v{v.version}</td>
              <td>{new Date(v.publishedAt).toLocaleString(i18n.language)}</td>
              <td>{v.publishedBy ?? '—'}</td>
              <td>
                <button
                  type="button"
                  className="btn"
                  data-testid={`open-version-${v.version}`}
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
          <div className="page-head">
            <h3>{t('editor.versionTitle', { version: open.version })}</h3>
            {onRollback && (
              <button
                type="button"
                className="btn"
                data-testid="rollback-version"
                title={t('editor.rollbackTitle')}
                onClick={() => setAsking(true)}
              >
                {t('editor.rollback')}
              </button>
            )}
          </div>
          {renderDiff?.(open)}
          <JsonEditor value={JSON.stringify(open.body, null, 2)} marks={[]} readOnly />
        </section>
      )}
      {asking && open && onRollback && (
        <ConfirmDialog
          title={t('editor.rollbackConfirmTitle', { version: open.version })}
          text={t('editor.rollbackConfirmText', { version: open.version })}
          confirmLabel={t('editor.rollback')}
          onCancel={() => setAsking(false)}
          onConfirm={() => {
            setAsking(false);
            onRollback(open);
          }}
        />
      )}
    </div>
  );
}
