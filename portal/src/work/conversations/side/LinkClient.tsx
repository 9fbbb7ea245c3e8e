import type { ContactSummary, ConversationView } from '@opora/sdk';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Combobox, type ComboOption } from '../../../components/Combobox';
import { client } from '../../../lib/api';
import { clientType } from '../client-type';

const errorText = (failure: unknown) => (failure instanceof Error ? failure.message : String(failure));

/**
 * «Привязать к клиенту» (find a card by name, e-mail or phone and link the dialog's contact to it) and «Создать
 * клиента» (a card from the contact's details). `onLinked` gets the dialog as it is now.
 */
export function LinkClient({
  conversation,
  contact,
  onLinked,
}: {
  conversation: ConversationView;
  contact: ContactSummary | null;
  onLinked(conversation: ConversationView, message: string): void;
}) {
  const { t } = useTranslation();
  const [picking, setPicking] = useState(false);
  const [target, setTarget] = useState<ComboOption | null>(null);
  const [busy, setBusy] = useState<'link' | 'create' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const searchId = useId();
  const linked = conversation.clientRecordId;
  const search = async (text: string): Promise<ComboOption[]> => {
    const page = await client.listRecords(clientType, { q: text || undefined, limit: 10 });
    return page.items
      .filter((record) => record.id !== linked)
      .map((record) => ({ id: record.id, label: record.title }));
  };
  const run = async (kind: 'link' | 'create') => {
    setBusy(kind);
    setError(null);
    try {
      if (kind === 'link' && target) {
        const next = await client.conversations.linkClient(conversation.id, target.id);
        onLinked(next, t('dialogSide.client.linked', { name: target.label }));
      } else {
        const made = await client.conversations.createClient(conversation.id);
        onLinked(made.conversation, t('dialogSide.client.created'));
      }
      setPicking(false);
      setTarget(null);
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setBusy(null);
    }
  };
  const canCreate = Boolean(contact?.displayName || contact?.email || contact?.phone);
  return (
    <div className="link-client">
      {!picking ? (
        <div className="side-actions">
          <button type="button" className="btn" onClick={() => setPicking(true)} data-testid="link-client">
            {t(linked ? 'dialogSide.client.relink' : 'dialogSide.client.link')}
          </button>
          {canCreate && (
            <button
              type="button"
              className="btn"
              disabled={busy !== null}
              onClick={() => void run('create')}
              data-testid="create-client"
            >
              {t(busy === 'create' ? 'dialogSide.client.creating' : 'dialogSide.client.create')}
            </button>
          )}
        </div>
      ) : (
        <div className="link-client-picker">
          <label htmlFor={searchId}>{t('dialogSide.client.search')}</label>
          <Combobox
            id={searchId}
            placeholder={t('dialogSide.client.searchPlaceholder')}
            search={search}
            onPick={setTarget}
          />
          {target && (
            <p data-testid="link-target">
              → <strong>{target.label}</strong>
            </p>
          )}
          <div className="side-actions">
            <button
              type="button"
              className="btn primary"
              disabled={!target || busy !== null}
              onClick={() => void run('link')}
              data-testid="link-client-confirm"
            >
              {t(busy === 'link' ? 'dialogSide.client.linking' : 'dialogSide.client.confirm')}
            </button>
            <button
              type="button"
              className="btn"
              onClick={() => {
                setPicking(false);
                setTarget(null);
                setError(null);
              }}
            >
              {t('dialogSide.client.cancel')}
            </button>
          </div>
        </div>
      )}
      {error && (
        <p className="banner error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
