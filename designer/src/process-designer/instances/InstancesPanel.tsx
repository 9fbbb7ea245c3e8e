import type { ProcessBody } from '@opora/runtime/definitions';
import { ApiError } from '@opora/sdk';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../lib/error-text';
import { type InstanceSummary, listInstances } from '../process-api';
import { InstanceDetail } from './InstanceDetail';
import { stepTime } from './instance-trace';

type Load =
  | { status: 'loading' }
  | { status: 'ready'; items: InstanceSummary[]; next?: string }
  | { status: 'unavailable' }
  | { status: 'failed'; text: string };

/** The process's instances, newest first; one opens on the canvas with its tokens and path. */
export function InstancesPanel({
  processKey,
  definitionId,
  draft,
}: {
  processKey?: string;
  definitionId?: string;
  draft: ProcessBody;
}) {
  const { t, i18n } = useTranslation();
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [open, setOpen] = useState<string | null>(null);
  const fetchPage = useCallback(
    async (after?: string) => {
      if (!processKey) return setLoad({ status: 'ready', items: [] });
      try {
        const page = await listInstances(processKey, after);
        setLoad((prev) => ({
          status: 'ready',
          items: [...(after && prev.status === 'ready' ? prev.items : []), ...page.items],
          next: page.nextCursor,
        }));
      } catch (error) {
        // The list's route comes with the instances module; until the server has it, say so plainly.
        if (error instanceof ApiError && error.status === 404 && !after) setLoad({ status: 'unavailable' });
        else setLoad({ status: 'failed', text: errorText(error, t('common.loadFailed')) });
      }
    },
    [processKey, t],
  );
  useEffect(() => {
    void fetchPage();
  }, [fetchPage]);

  if (open)
    return (
      <InstanceDetail id={open} definitionId={definitionId} draft={draft} onBack={() => setOpen(null)} />
    );
  return (
    <section className="prd-instances" data-testid="prd-instances">
      <h3>{t('processDesigner.instances.title')}</h3>
      {load.status === 'loading' ? (
        <p className="muted">{t('processDesigner.instances.loading')}</p>
      ) : load.status === 'unavailable' ? (
        <p className="empty" data-testid="prd-instances-unavailable">
          {t('processDesigner.instances.unavailable')}
        </p>
      ) : load.status === 'failed' ? (
        <div className="banner warn" role="alert" data-testid="prd-instances-error">
          {t('processDesigner.instances.failed', { text: load.text })}
        </div>
      ) : load.items.length === 0 ? (
        <p className="empty" data-testid="prd-instances-empty">
          {t('processDesigner.instances.empty')}
        </p>
      ) : (
        <>
          <table className="table">
            <thead>
              <tr>
                <th>{t('processDesigner.instances.started')}</th>
                <th>{t('processDesigner.instances.version')}</th>
                <th>{t('processDesigner.instances.status')}</th>
                <th>{t('processDesigner.instances.ended')}</th>
                <th>{t('processDesigner.instances.record')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {load.items.map((item) => (
                <tr key={item.id} data-testid="prd-instance-row">
                  <td>{stepTime(item.startedAt, i18n.language)}</td>
                  <td>v{item.processVersion}</td>
                  <td>
                    <span className={`prd-status ${item.status}`}>
                      {t(`processDesigner.instances.statuses.${item.status}`, { defaultValue: item.status })}
                    </span>
                  </td>
                  <td>{stepTime(item.endedAt, i18n.language) || '—'}</td>
                  <td className="mono">{item.record ? `${item.record.entity}:${item.record.id}` : '—'}</td>
                  <td>
                    <button
                      type="button"
                      className="btn"
                      data-testid={`prd-open-instance-${item.id}`}
                      onClick={() => setOpen(item.id)}
                    >
                      {t('processDesigner.instances.open')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {load.next && (
            <button type="button" className="btn" onClick={() => void fetchPage(load.next)}>
              {t('processDesigner.instances.more')}
            </button>
          )}
        </>
      )}
    </section>
  );
}
