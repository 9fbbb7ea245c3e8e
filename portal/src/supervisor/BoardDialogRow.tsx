import type { BoardDialog, BoardOperator } from '@opora/sdk';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../components/Link';
import { conversationPath } from '../work/conversations/paths';
import { breachAt, clockTime, joinKind, secondsSince, sinceKey } from './format';
import { JoinForm } from './JoinForm';
import { dialogDragType } from './local-text';
import { assignTo } from './state/assign';
import { joinAndOpen } from './state/join';
import '../work/conversations/i18n';

/**
 * A dialog on the board: who, where, with whom, for how long and what it missed. It can be dragged onto an
 * operator; «Назначить…» does the same from the keyboard or a touch screen. «Подключиться» takes a dialog the bot
 * talks with and opens it; into one waiting or led by an operator the supervisor writes from here.
 */
export function BoardDialogRow({
  dialog,
  now,
  operators,
}: {
  dialog: BoardDialog;
  now: number;
  operators: BoardOperator[];
}) {
  const { t } = useTranslation();
  const [panel, setPanel] = useState<'assign' | 'join' | null>(null);
  const breach = breachAt(dialog, now);
  const elapsed = clockTime(secondsSince(dialog.since, now));
  const candidates = operators.filter((o) => o.status === 'online' && o.id !== dialog.operatorId);
  const toggle = (which: 'assign' | 'join') => setPanel((open) => (open === which ? null : which));
  const takes = joinKind(dialog) === 'take';
  const holder =
    dialog.handler === 'bot' ? t('supervisor.bot') : (dialog.operatorName ?? t('supervisor.queue'));
  return (
    <li
      className={`sv-dialog${breach ? ' breached' : ''}`}
      data-testid={`board-dialog-${dialog.id}`}
      data-handler={dialog.handler}
      data-breach={breach ?? undefined}
      draggable
      onDragStart={(event) => {
        event.dataTransfer.setData(dialogDragType, dialog.id);
        event.dataTransfer.effectAllowed = 'move';
      }}
    >
      <div className="sv-dialog-main">
        <strong>{dialog.clientName || t('supervisor.anonymous')}</strong>
        <span className="muted">{t(`conversations.channel.${dialog.channel}`)}</span>
        <span className="sv-holder">{holder}</span>
        <span className="sv-timer">{t(sinceKey(dialog), { time: elapsed })}</span>
        {dialog.handler !== 'bot' && (
          <span className={dialog.firstResponseAt ? 'muted' : 'sv-pending'}>
            {t(dialog.firstResponseAt ? 'supervisor.answered' : 'supervisor.notAnswered')}
          </span>
        )}
        {breach && (
          <span className="sv-breach" data-testid="dialog-breach">
            {t(`supervisor.breach.${breach}`)}
          </span>
        )}
      </div>
      <div className="sv-dialog-actions">
        <Link to={conversationPath(dialog.id)} className="btn small" data-testid="open-dialog">
          {t('supervisor.open')}
        </Link>
        <button
          type="button"
          className="btn small"
          aria-expanded={panel === 'assign'}
          data-testid="assign-dialog"
          onClick={() => toggle('assign')}
        >
          {t('supervisor.assign')}
        </button>
        {takes ? (
          <button
            type="button"
            className="btn small"
            title={t('supervisor.joinBotHint')}
            data-testid="join-dialog"
            onClick={() => void joinAndOpen(dialog.id)}
          >
            {t('supervisor.joinBot')}
          </button>
        ) : (
          <button
            type="button"
            className="btn small"
            aria-expanded={panel === 'join'}
            data-testid="join-dialog"
            onClick={() => toggle('join')}
          >
            {t('supervisor.join')}
          </button>
        )}
      </div>
      {panel === 'assign' && (
        <fieldset className="sv-menu">
          <legend className="sr-only">{t('supervisor.assignTitle')}</legend>
          {candidates.length === 0 && <span className="muted">{t('supervisor.nobodyToAssign')}</span>}
          {candidates.map((operator) => (
            <button
              key={operator.id}
              type="button"
              className="btn small"
              data-testid={`assign-to-${operator.id}`}
              onClick={() => {
                setPanel(null);
                void assignTo(dialog.id, operator);
              }}
            >
              {operator.name} · {operator.load}/{operator.capacity}
            </button>
          ))}
        </fieldset>
      )}
      {panel === 'join' && <JoinForm conversationId={dialog.id} onDone={() => setPanel(null)} />}
    </li>
  );
}
