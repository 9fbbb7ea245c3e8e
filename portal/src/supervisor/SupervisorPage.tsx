import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError, Loading } from '../components/ScreenStates';
import { useStore } from '../lib/store';
import { useSignedInUser } from '../state/use-signed-in-user';
import { BreachesList } from './BreachesList';
import { CsatTodayPanel } from './CsatTodayPanel';
import { LineCard } from './LineCard';
import { Notice } from './Notice';
import { boardStore, loadBoard } from './state/board-store';
import { useBoardLive } from './state/use-board-live';
import { useNow } from './state/use-now';
import './i18n';
import './supervisor.css';

/** `/supervisor`: the live board, for supervisors and admins; a visitor is sent to sign in first. */
export function SupervisorPage() {
  const { t } = useTranslation();
  const user = useSignedInUser();
  if (!user) return null;
  if (!user.roles.some((role) => role === 'supervisor' || role === 'admin'))
    return <p className="empty">{t('supervisor.staffOnly')}</p>;
  return <Board />;
}

function Board() {
  const { t } = useTranslation();
  useBoardLive();
  const { board, breaches, error, skew } = useStore(boardStore);
  const now = useNow(skew);
  useEffect(() => {
    const before = document.title;
    document.title = t('supervisor.title');
    return () => {
      document.title = before;
    };
  }, [t]);
  return (
    <div className="sv-board" data-testid="supervisor-board">
      <div className="sv-head">
        <h1>{t('supervisor.title')}</h1>
        <p className="muted">{t('supervisor.dropHint')}</p>
      </div>
      <Notice />
      {error !== null && <LoadError error={error} onRetry={() => void loadBoard()} />}
      {!board && error === null && <Loading />}
      {board && (
        <div className="sv-layout">
          <section className="sv-lines" aria-label={t('supervisor.dialogs')}>
            {board.lines.length === 0 && <p className="empty">{t('supervisor.noLines')}</p>}
            {board.lines.map((line) => (
              <LineCard key={line.key} line={line} now={now} limit={board.dialogsLimit} />
            ))}
          </section>
          <aside className="sv-side">
            <BreachesList page={breaches} lines={board.lines} />
            <CsatTodayPanel board={board} />
          </aside>
        </div>
      )}
    </div>
  );
}
