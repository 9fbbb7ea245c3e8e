import { isStatusField } from '@opora/runtime/definitions';
import type { RecordItem } from '@opora/sdk';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../../components/StatusBadge';
import { client } from '../../lib/api';
import { localText } from '../../lib/local-text';
import { navigate } from '../../lib/router';
import { useTypeAccess } from '../../records/entity-types';
import { formatMoment } from '../../records/format-value';
import { listPath } from '../../records/record-paths';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { flash } from '../state/flash';
import type { ScreenForm } from '../state/screen-form';
import type { CardController } from './card-controller';

/** The card's head: type and number, title, who created and changed it, status badges, Edit and Delete (if allowed). */
export function CardHeader({
  screen,
  record,
  typeLabel,
  card,
  mode,
  saving,
}: {
  screen: ScreenForm;
  record: RecordItem;
  typeLabel: string;
  card: CardController;
  mode: 'view' | 'edit';
  saving: boolean;
}) {
  const { t, i18n } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const access = useTypeAccess(screen.entityKey);
  const statuses = screen.entity.fields.filter(isStatusField).flatMap((field) => {
    const option = field.options.find((o) => o.value === record.data[field.key]);
    return option
      ? [{ key: field.key, label: localText(option.label, i18n.language), color: option.color }]
      : [];
  });
  const remove = async () => {
    setDeleting(true);
    try {
      await client.deleteRecord(screen.entityKey, record.id, record.version);
      flash.set({
        tone: 'success',
        text: t('work.card.deleted', { type: typeLabel, number: record.number }),
      });
      navigate(listPath(screen.entityKey));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setConfirming(false);
    } finally {
      setDeleting(false);
    }
  };
  return (
    <header className="screen-head card-head">
      <div className="card-title">
        <p className="muted eyebrow">
          {typeLabel} · {t('work.number', { number: record.number })}
        </p>
        <h1 data-testid="card-title">{record.title || t('work.number', { number: record.number })}</h1>
        <p className="muted meta">
          {t('work.card.created', {
            at: formatMoment(record.createdAt, i18n.language),
            by: record.createdBy ?? t('work.history.system'),
          })}
          {record.version > 1 &&
            ` · ${t('work.card.updated', {
              at: formatMoment(record.updatedAt, i18n.language),
              by: record.updatedBy ?? t('work.history.system'),
            })}`}
        </p>
        {statuses.length > 0 && (
          <p className="badges">
            {statuses.map((s) => (
              <StatusBadge key={s.key} label={s.label} color={s.color} />
            ))}
          </p>
        )}
      </div>
      {mode === 'view' && (
        <div className="head-actions">
          {access.update !== 'none' && (
            <button
              type="button"
              className="btn primary"
              onClick={() => card.edit()}
              data-testid="edit"
              disabled={saving}
            >
              {t('work.card.edit')}
            </button>
          )}
          {access.delete !== 'none' && (
            <button type="button" className="btn danger-outline" onClick={() => setConfirming(true)}>
              {t('work.card.delete')}
            </button>
          )}
        </div>
      )}
      {error && (
        <div className="banner error" role="alert">
          {error}
        </div>
      )}
      <ConfirmDialog
        open={confirming}
        title={t('work.card.deleteTitle', { type: typeLabel, number: record.number })}
        confirmLabel={t('work.card.delete')}
        busy={deleting}
        onConfirm={() => void remove()}
        onCancel={() => setConfirming(false)}
      >
        <p>{t('work.card.deleteText')}</p>
      </ConfirmDialog>
    </header>
  );
}
