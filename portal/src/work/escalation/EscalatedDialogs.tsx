import { useTranslation } from 'react-i18next';
import { Link } from '../../components/Link';
import { useAsync } from '../../lib/use-async';
import { conversationPath } from '../conversations/paths';
import { escalationApi } from './escalation-api';
import '../conversations/i18n';
import './i18n';
import './escalation.css';

/** On a request's card: the dialogs that were handed to it, each a link back to «Диалоги». Nothing when none. */
export function EscalatedDialogs({ recordId }: { recordId: string }) {
  const { t, i18n } = useTranslation();
  const dialogs = useAsync(() => escalationApi.dialogsOf(recordId), [recordId]);
  if (dialogs.status !== 'ready' || dialogs.data.conversations.length === 0) return null;
  return (
    <section
      className="sheet escalated-dialogs"
      aria-labelledby="escalated-dialogs"
      data-testid="escalated-dialogs"
    >
      <h2 id="escalated-dialogs">{t('escalation.dialogs')}</h2>
      <ul>
        {dialogs.data.conversations.map((conversation) => (
          <li key={conversation.id}>
            <Link to={conversationPath(conversation.id)}>
              {t('escalation.dialog', {
                channel: t(`conversations.channel.${conversation.channel}`),
                date: new Date(conversation.openedAt).toLocaleString(i18n.language),
              })}
            </Link>
            {conversation.subject ? ` — ${conversation.subject}` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}
