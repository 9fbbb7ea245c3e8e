import type { ContactSummary, ConversationView } from '@opora/sdk';
import { type JSX, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChannelLabel } from '../ChannelLabel';
import { ClientConversations } from '../ClientConversations';
import { contactName } from '../contact-name';
import '../i18n';

/**
 * Beside the open dialog: who the client is and what they wrote before. A first, plain version — the client's
 * name and channel, and their conversations in every channel on demand (not at once: the timeline repeats the
 * dialog's own messages). The client card form and the knowledge panel take its place.
 */
export function DialogSide({
  conversation,
  contact,
}: {
  conversation: ConversationView;
  contact: ContactSummary | null;
}): JSX.Element | null {
  const { t } = useTranslation();
  const [history, setHistory] = useState(false);
  return (
    <div className="dialog-side-body">
      <h2 className="side-title">{contactName(contact ?? undefined, t('conversations.anonymous'))}</h2>
      <ChannelLabel channel={conversation.channel} />
      {conversation.clientRecordId && (
        <>
          <button
            type="button"
            className="btn small side-history"
            aria-expanded={history}
            onClick={() => setHistory((open) => !open)}
          >
            {t('conversations.timeline.tab')}
          </button>
          {history && <ClientConversations entity="client" id={conversation.clientRecordId} />}
        </>
      )}
    </div>
  );
}
