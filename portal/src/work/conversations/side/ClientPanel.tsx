import type { ContactSummary, ConversationView } from '@opora/sdk';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../../components/Link';
import { cardPath } from '../../../records/record-paths';
import { ReadOnlyCard } from '../../card/ReadOnlyCard';
import { ChannelLabel } from '../ChannelLabel';
import { ClientConversations } from '../ClientConversations';
import { clientType } from '../client-type';
import { contactName } from '../contact-name';
import { LinkClient } from './LinkClient';

/**
 * «Клиент»: the client's card form as the analyst designed it (read-only, with the way to the full card), every
 * conversation of theirs in any channel, and linking the dialog to the right card or a new one.
 */
export function ClientPanel({
  conversation,
  contact,
  onLinked,
}: {
  conversation: ConversationView;
  contact: ContactSummary | null;
  onLinked(conversation: ConversationView): void;
}) {
  const { t } = useTranslation();
  const [done, setDone] = useState<string | null>(null);
  const id = conversation.clientRecordId;
  const linked = (next: ConversationView, message: string) => {
    setDone(message);
    onLinked(next);
  };
  return (
    <div className="client-panel" data-testid="client-card">
      {done && (
        <p className="banner success" role="status">
          {done}
        </p>
      )}
      {id ? (
        <>
          <div className="side-actions">
            <Link to={cardPath(clientType, id)} className="btn" data-testid="open-client-card">
              {t('dialogSide.client.openCard')}
            </Link>
          </div>
          <ReadOnlyCard key={id} entity={clientType} id={id} withRelated />
        </>
      ) : (
        <div className="client-unknown">
          <p className="empty">
            <strong>{t('dialogSide.client.unknown')}</strong>
            <br />
            {t('dialogSide.client.unknownHint')}
          </p>
          {contact && (
            <dl className="contact-facts">
              <dt>{t('dialogSide.client.contact')}</dt>
              <dd>
                <ChannelLabel channel={contact.channel} />{' '}
                {contactName(contact, t('conversations.anonymous'))}
              </dd>
              {contact.email && <dd>{contact.email}</dd>}
              {contact.phone && <dd>{contact.phone}</dd>}
            </dl>
          )}
        </div>
      )}
      <LinkClient conversation={conversation} contact={contact} onLinked={linked} />
      {id && (
        <section className="side-conversations">
          <h3 className="side-heading">{t('dialogSide.client.conversations')}</h3>
          <ClientConversations key={id} entity={clientType} id={id} compact />
        </section>
      )}
    </div>
  );
}
