import { type EntityBody, isStatusField } from '@opora/runtime/definitions';
import type { RecordItem } from '@opora/sdk';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localText } from '../../lib/local-text';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { type BulkOutcome, deleteRecords, setField } from './bulk-actions';

/** What to do with the ticked records: change their status, or delete them after a confirmation. */
export function BulkBar({
  entityKey,
  entity,
  records,
  onDone,
}: {
  entityKey: string;
  entity: EntityBody;
  records: RecordItem[];
  onDone(outcome: BulkOutcome, action: 'delete' | 'status'): void;
}) {
  const { t, i18n } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const status = entity.fields.find(isStatusField);
  const run = async (action: 'delete' | 'status', work: () => Promise<BulkOutcome>) => {
    setBusy(true);
    try {
      onDone(await work(), action);
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };
  return (
    <section className="bulk-bar" aria-label={t('work.bulk.label')} data-testid="bulk-bar">
      <strong>{t('work.bulk.selected', { count: records.length })}</strong>
      {status && (
        <select
          aria-label={t('work.bulk.setStatus', { field: localText(status.label, i18n.language) })}
          value=""
          disabled={busy}
          onChange={(e) => {
            const value = e.target.value;
            if (value) void run('status', () => setField(entityKey, records, status.key, value));
          }}
        >
          <option value="">
            {t('work.bulk.setStatus', { field: localText(status.label, i18n.language) })}
          </option>
          {status.options.map((o) => (
            <option key={o.value} value={o.value}>
              {localText(o.label, i18n.language)}
            </option>
          ))}
        </select>
      )}
      <button
        type="button"
        className="btn danger-outline"
        disabled={busy}
        onClick={() => setConfirming(true)}
        data-testid="bulk-delete"
      >
        {t('work.bulk.delete')}
      </button>
      <ConfirmDialog
        open={confirming}
        title={t('work.bulk.deleteTitle', { count: records.length })}
        confirmLabel={t('work.bulk.delete')}
        busy={busy}
        onCancel={() => setConfirming(false)}
        onConfirm={() => void run('delete', () => deleteRecords(entityKey, records))}
      >
        <p>{t('work.bulk.deleteText')}</p>
      </ConfirmDialog>
    </section>
  );
}
