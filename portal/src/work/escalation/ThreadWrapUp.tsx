import type { ConversationView } from '@opora/sdk';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../components/Link';
import { useAsync } from '../../lib/use-async';
import { cardPath } from '../../records/record-paths';
import { EscalateDialog } from './EscalateDialog';
import { escalationApi } from './escalation-api';
import './i18n';
import './escalation.css';

/**
 * The thread header's wrap-up: the client's rating once the dialog is closed, the request it was handed to (a
 * link to its card), and «Передать во вторую линию» while it has none.
 */
export function ThreadWrapUp({
  conversation,
  lastSeq,
}: {
  conversation: ConversationView;
  /** The newest message the screen holds: a client's rating arrives as a message, and the badge follows it. */
  lastSeq: number;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const { id, status, messageCount } = conversation;
  const state = useAsync(() => escalationApi.state(id), [id]);
  const rating = useAsync(() => escalationApi.rating(id), [id, status, messageCount, lastSeq]);
  const request = state.status === 'ready' ? state.data.request : null;
  const draft = state.status === 'ready' ? state.data.draft : null;
  const given = rating.status === 'ready' ? rating.data.rating : null;
  return (
    <>
      {given && (
        <span
          className={`badge rating-badge${given.score !== null && given.score <= 2 ? ' low' : ''}`}
          title={given.comment ? t('escalation.ratingComment', { comment: given.comment }) : undefined}
          data-testid="thread-rating"
        >
          {given.score === null
            ? t('escalation.ratingAsked')
            : `★ ${t('escalation.rating', { score: given.score })}`}
        </span>
      )}
      {request && (
        <Link
          to={cardPath(request.entity, request.id)}
          className="btn"
          title={t('escalation.requestTitle', { title: request.title })}
          data-testid="thread-request"
        >
          {t('escalation.request', { number: request.number })}
        </Link>
      )}
      {draft && (
        <button type="button" className="btn" onClick={() => setOpen(true)} data-testid="thread-escalate">
          {t('escalation.action')}
        </button>
      )}
      {open && draft && (
        <EscalateDialog
          conversationId={id}
          draft={draft}
          onCancel={() => setOpen(false)}
          onDone={() => {
            setOpen(false);
            state.reload();
          }}
        />
      )}
    </>
  );
}
