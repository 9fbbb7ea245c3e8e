import type { ContactSummary } from '@opora/sdk';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Combobox, type ComboOption } from '../../components/Combobox';
import { client } from '../../lib/api';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { flash } from '../state/flash';
import { clientType } from './client-type';
import { contactName } from './contact-name';

/** «Объединить»: pick the client card the contact belongs to, confirm, and its conversations move there. */
export function MergeContactDialog({
  contact,
  currentClientId,
  onDone,
  onCancel,
}: {
  contact: ContactSummary;
  currentClientId: string;
  onDone(): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const [target, setTarget] = useState<ComboOption | null>(null);
  const [busy, setBusy] = useState(false);
  const searchId = useId();
  const [error, setError] = useState<string | null>(null);
  const search = async (text: string): Promise<ComboOption[]> => {
    const page = await client.listRecords(clientType, { q: text || undefined, limit: 10 });
    return page.items
      .filter((record) => record.id !== currentClientId)
      .map((record) => ({ id: record.id, label: record.title }));
  };
  const merge = async () => {
    if (!target) return;
    setBusy(true);
    setError(null);
    try {
      const moved = await client.conversations.mergeContact(contact.id, target.id);
      flash.set({
        tone: 'success',
        text: t('conversations.timeline.merged', {
          contacts: moved.movedContacts,
          conversations: moved.movedConversations,
        }),
      });
      onDone();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
      setBusy(false);
    }
  };
  return (
    <ConfirmDialog
      open
      title={t('conversations.timeline.mergeTitle')}
      confirmLabel={t('conversations.timeline.confirm')}
      danger={false}
      busy={busy || !target}
      onConfirm={() => void merge()}
      onCancel={onCancel}
    >
      <p>
        {t('conversations.timeline.mergeHint', {
          contact: contactName(contact, t('conversations.anonymous')),
        })}
      </p>
      <label htmlFor={searchId} className="merge-search-label">
        {t('conversations.timeline.search')}
      </label>
      <Combobox
        id={searchId}
        placeholder={t('conversations.timeline.searchPlaceholder')}
        search={search}
        onPick={setTarget}
      />
      {target && (
        <p data-testid="merge-target">
          → <strong>{target.label}</strong>
        </p>
      )}
      {error && (
        <p className="banner error" role="alert">
          {error}
        </p>
      )}
    </ConfirmDialog>
  );
}
