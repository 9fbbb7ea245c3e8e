import type { ClientTimelinePage, ContactSummary, ConversationView, MessageView } from '@opora/sdk';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../components/Link';
import { LoadError, Loading } from '../../components/ScreenStates';
import { client } from '../../lib/api';
import { useAsync } from '../../lib/use-async';
import { ChannelLabel } from './ChannelLabel';
import { contactName } from './contact-name';
import { MergeContactDialog } from './MergeContactDialog';
import { MessageBubble } from './MessageBubble';
import { conversationPath } from './paths';
import './conversations.css';
import './i18n';

/**
 * The client card's «Переписка»: everything the client wrote in every channel as one timeline, newest
 * conversation first, older ones a page at a time; the card's channel identities, each mergeable into another card.
 */
export function ClientConversations({
  entity,
  id,
  compact = false,
}: {
  entity: string;
  id: string;
  /** One line per conversation (its first words) instead of its messages: beside an open dialog. */
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const [round, setRound] = useState(0);
  const first = useAsync(() => client.conversations.clientTimeline(entity, id), [entity, id, round]);
  const [older, setOlder] = useState<ClientTimelinePage[]>([]);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [merging, setMerging] = useState<ContactSummary | null>(null);
  if (first.status === 'loading') return <Loading />;
  if (first.status === 'failed') return <LoadError error={first.error} onRetry={first.reload} />;
  const pages = [first.data, ...older];
  const conversations = pages.flatMap((page) => page.conversations);
  const messages = pages.flatMap((page) => page.messages);
  const next = pages.at(-1)?.nextBefore;
  const loadOlder = async () => {
    if (!next) return;
    setLoadingOlder(true);
    try {
      const page = await client.conversations.clientTimeline(entity, id, { before: next });
      setOlder((pages) => [...pages, page]);
    } finally {
      setLoadingOlder(false);
    }
  };
  const refresh = () => {
    setOlder([]);
    setRound((r) => r + 1);
  };
  return (
    <div className="client-conversations" data-testid="client-conversations">
      {first.data.contacts.length > 0 && (
        <section className="contacts">
          <h3>{t('conversations.timeline.contacts')}</h3>
          <ul>
            {first.data.contacts.map((contact) => (
              <li key={contact.id} data-testid="client-contact">
                <ChannelLabel channel={contact.channel} />
                <span>{contactName(contact, t('conversations.anonymous'))}</span>
                <button
                  type="button"
                  className="btn"
                  onClick={() => setMerging(contact)}
                  data-testid="merge-contact"
                >
                  {t('conversations.timeline.merge')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {conversations.length === 0 ? (
        <p className="empty">{t('conversations.timeline.empty')}</p>
      ) : (
        conversations.map((conversation) => (
          <TimelineConversation
            key={conversation.id}
            conversation={conversation}
            messages={messages.filter((m) => m.conversationId === conversation.id)}
            compact={compact}
          />
        ))
      )}
      {next && (
        <button type="button" className="btn" disabled={loadingOlder} onClick={() => void loadOlder()}>
          {t('conversations.timeline.older')}
        </button>
      )}
      {merging && (
        <MergeContactDialog
          contact={merging}
          currentClientId={id}
          onDone={() => {
            setMerging(null);
            refresh();
          }}
          onCancel={() => setMerging(null)}
        />
      )}
    </div>
  );
}

function TimelineConversation({
  conversation,
  messages,
  compact,
}: {
  conversation: ConversationView;
  messages: MessageView[];
  compact: boolean;
}) {
  const { t, i18n } = useTranslation();
  return (
    <section className="timeline-conversation" data-testid="timeline-conversation">
      <header>
        <ChannelLabel channel={conversation.channel} />
        <span className="muted">
          {new Date(conversation.openedAt).toLocaleDateString(i18n.language, {
            day: 'numeric',
            month: 'long',
            year: 'numeric',
          })}
        </span>
        {conversation.status === 'closed' && <span className="badge">{t('conversations.closed')}</span>}
        <Link to={conversationPath(conversation.id)}>{t('conversations.timeline.openConversation')}</Link>
      </header>
      {compact ? (
        <p className="timeline-preview">{messages.find((m) => m.text.trim())?.text.slice(0, 160)}</p>
      ) : (
        <ol className="history compact">
          {messages.map((message) => (
            <MessageBubble key={message.id} message={message} />
          ))}
        </ol>
      )}
    </section>
  );
}
