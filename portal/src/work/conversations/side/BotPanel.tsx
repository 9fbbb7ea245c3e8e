import { ApiError, type BotSessionView } from '@opora/sdk';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError, Loading } from '../../../components/ScreenStates';
import { client } from '../../../lib/api';
import { useAsync } from '../../../lib/use-async';

/** A collected value as one line of text: the operator reads it, the bot keeps its own shape. */
function shownValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') return value;
  if (Array.isArray(value))
    return value
      .map((item) =>
        item && typeof item === 'object' && 'name' in item ? String(item.name) : shownValue(item),
      )
      .join(', ');
  return JSON.stringify(value);
}

/** The variables worth showing: what the bot collected, not the client data the card beside already shows. */
const collected = (session: BotSessionView) =>
  Object.entries(session.variables).filter(([name]) => name !== 'client' && name !== 'lastMessage');

/**
 * «Бот»: which bot worked in the dialog (and the version it is pinned to), where it stopped, what it collected —
 * so the operator does not ask again —, and handing the dialog back to the bot once the person's part is done.
 */
export function BotPanel({ conversationId, freshness }: { conversationId: string; freshness: string }) {
  const { t } = useTranslation();
  const session = useAsync<BotSessionView | null>(
    () =>
      client.bots.session(conversationId).catch((error: unknown) => {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }),
    [conversationId, freshness],
  );
  const [handing, setHanding] = useState(false);
  const [handError, setHandError] = useState<string | null>(null);
  if (session.status === 'loading') return <Loading />;
  if (session.status === 'failed') return <LoadError error={session.error} onRetry={session.reload} />;
  const s = session.data;
  if (!s)
    return (
      <p className="empty" data-testid="bot-none">
        {t('dialogSide.bot.none')}
      </p>
    );
  const handBack = async () => {
    setHanding(true);
    setHandError(null);
    try {
      await client.bots.resume(conversationId);
      session.reload();
    } catch (error) {
      setHandError(error instanceof Error ? error.message : String(error));
    } finally {
      setHanding(false);
    }
  };
  const values = collected(s);
  return (
    <div className="bot-panel" data-testid="bot-panel">
      <p className="bot-panel-head">
        <strong>{s.bot.key}</strong> <span className="muted">v{s.bot.version}</span>{' '}
        <span className={`bot-state bot-state-${s.paused ? 'paused' : s.state}`} data-testid="bot-state">
          {s.paused ? t('dialogSide.bot.paused') : t(`dialogSide.bot.state.${s.state}`)}
        </span>
      </p>
      {s.block && (
        <p className="muted">
          {t('dialogSide.bot.block')}: <code>{s.block}</code>
        </p>
      )}
      {s.error && (
        <p className="banner error" role="alert">
          {t('dialogSide.bot.error', { block: s.error.blockId, message: s.error.message })}
        </p>
      )}
      <h3 className="side-heading">{t('dialogSide.bot.collected')}</h3>
      {values.length === 0 ? (
        <p className="empty">{t('dialogSide.bot.nothingCollected')}</p>
      ) : (
        <dl className="bot-variables" data-testid="bot-variables">
          {values.map(([name, value]) => (
            <div key={name}>
              <dt>{name}</dt>
              <dd>{shownValue(value)}</dd>
            </div>
          ))}
        </dl>
      )}
      {s.paused && s.status === 'active' && (
        <button
          type="button"
          className="btn"
          disabled={handing}
          onClick={() => void handBack()}
          data-testid="bot-hand-back"
        >
          {handing ? t('dialogSide.bot.handingBack') : t('dialogSide.bot.handBack')}
        </button>
      )}
      {handError && (
        <p className="banner error" role="alert">
          {handError}
        </p>
      )}
    </div>
  );
}
