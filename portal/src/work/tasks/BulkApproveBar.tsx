import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../components/ScreenStates';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { type BulkSummary, bulkLimit, bulkSummary, checkedEligible } from './bulk-summary';
import type { Task } from './task-types';
import { tasksApi } from './tasks-api';
import { loadTasks, setChecked } from './tasks-store';
import { tasksChanged } from './use-tasks-live';

/** «Согласовать выбранные (N)»: asks first, sends at most 100 ids, then tells what went through and what did not. */
export function BulkApproveBar({ items, checked }: { items: readonly Task[]; checked: ReadonlySet<string> }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [comment, setComment] = useState('');
  const [summary, setSummary] = useState<BulkSummary | null>(null);
  const [error, setError] = useState<unknown>(null);
  const ids = checkedEligible(checked, items).slice(0, bulkLimit);

  const approve = async () => {
    setBusy(true);
    setError(null);
    try {
      const result = await tasksApi.bulkApprove(ids, comment.trim() || undefined);
      setSummary(bulkSummary(result, items));
      setChecked([]);
      setComment('');
      setConfirming(false);
      await loadTasks();
      tasksChanged();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {ids.length > 0 && (
        <div className="bulk-bar" data-testid="tasks-bulk-bar">
          <button
            type="button"
            className="btn primary"
            onClick={() => setConfirming(true)}
            data-testid="tasks-bulk-approve"
          >
            {t('tasks.bulk.approve', { count: ids.length })}
          </button>
        </div>
      )}
      {summary && (
        <div className={`banner ${summary.tone}`} role="status" data-testid="tasks-bulk-summary">
          <span>
            {t('tasks.bulk.done', { done: summary.done })}
            {summary.failed.length > 0 && ` ${t('tasks.bulk.failed', { count: summary.failed.length })}`}
          </span>
          {summary.failed.length > 0 && (
            <ul>
              {summary.failed.map((f) => (
                <li key={f.id}>
                  {f.title}: {f.message}
                </li>
              ))}
            </ul>
          )}
          <button
            type="button"
            className="btn"
            onClick={() => setSummary(null)}
            aria-label={t('tasks.bulk.dismiss')}
          >
            ×
          </button>
        </div>
      )}
      <ConfirmDialog
        open={confirming}
        title={t('tasks.bulk.confirmTitle')}
        confirmLabel={t('tasks.bulk.approve', { count: ids.length })}
        danger={false}
        busy={busy}
        onConfirm={() => void approve()}
        onCancel={() => setConfirming(false)}
      >
        <p>{t('tasks.bulk.confirmText', { count: ids.length })}</p>
        <label className="field">
          <span>{t('tasks.bulk.comment')}</span>
          <textarea
            value={comment}
            maxLength={2000}
            rows={3}
            onChange={(event) => setComment(event.target.value)}
          />
        </label>
        {error !== null && <LoadError error={error} />}
      </ConfirmDialog>
    </>
  );
}
