import type { ContactSummary, ConversationView } from '@opora/sdk';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Tabs } from '../../../components/Tabs';
import { applyThreadConversation } from '../state/thread-store';
import { BotPanel } from './BotPanel';
import { ClientPanel } from './ClientPanel';
import { KnowledgePanel } from './KnowledgePanel';
import './i18n';
import './side.css';

type SideTab = 'client' | 'knowledge' | 'bot';

/**
 * The column beside an open dialog: «Клиент» (the client card, their conversations, linking to the right card)
 * «Знания» (articles for what the client asks, into the answer in one click) and «Бот» (what the bot collected,
 * handing the dialog back to it). `lastClientSeq`, when the page
 * knows it, refreshes the suggestions as soon as the client writes; otherwise they follow the dialog's own
 * message count and last activity.
 */
export function DialogSide({
  conversation,
  contact,
  lastClientSeq,
}: {
  conversation: ConversationView;
  contact: ContactSummary | null;
  lastClientSeq?: number;
}) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<SideTab>('client');
  // The dialog as a link just left it, until the page's own copy (live) catches up.
  const [relinked, setRelinked] = useState<{ id: string; from: string | null; to: string | null } | null>(
    null,
  );
  const shown =
    relinked?.id === conversation.id && relinked.from === conversation.clientRecordId
      ? { ...conversation, clientRecordId: relinked.to }
      : conversation;
  const freshness = `${lastClientSeq ?? ''}:${conversation.messageCount}:${conversation.lastMessageAt}`;
  return (
    // The page's own column (`dialog-side`) names the region; this is its content.
    <div className="dialog-side">
      <Tabs
        label={t('dialogSide.label')}
        active={tab}
        onSelect={(next) => setTab(next as SideTab)}
        tabs={[
          { id: 'client', title: t('dialogSide.tab.client'), testId: 'side-tab-client' },
          { id: 'knowledge', title: t('dialogSide.tab.knowledge'), testId: 'side-tab-knowledge' },
          { id: 'bot', title: t('dialogSide.tab.bot'), testId: 'side-tab-bot' },
        ]}
      >
        {tab === 'client' ? (
          <ClientPanel
            conversation={shown}
            contact={contact}
            onLinked={(next) => {
              setRelinked({ id: next.id, from: conversation.clientRecordId, to: next.clientRecordId });
              applyThreadConversation(next);
            }}
          />
        ) : tab === 'knowledge' ? (
          <KnowledgePanel conversationId={conversation.id} freshness={freshness} />
        ) : (
          <BotPanel conversationId={conversation.id} freshness={`${freshness}:${conversation.handler}`} />
        )}
      </Tabs>
    </div>
  );
}
