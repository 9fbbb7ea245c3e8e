import type { BoardLine } from '@opora/sdk';
import { useTranslation } from 'react-i18next';
import { BoardDialogRow } from './BoardDialogRow';
import { breachAt, clockTime, secondsSince } from './format';
import { LineFigures } from './LineFigures';
import { localText } from './local-text';
import { OperatorCard } from './OperatorCard';

/** One line: its queue and longest wait (ticking), its operators (drop targets) and its dialogs (the bot's too). */
export function LineCard({ line, now, limit }: { line: BoardLine; now: number; limit: number }) {
  const { t, i18n } = useTranslation();
  const wait = line.oldestQueuedAt ? clockTime(secondsSince(line.oldestQueuedAt, now)) : '—';
  // The server counted at its `now`; a target passed since then is counted here at once.
  const localBreaches = line.dialogs.filter((d) => breachAt(d, now)).length;
  const breaches = Math.max(line.breaches, localBreaches);
  const total = line.waiting + line.inProgress + line.withBot;
  const target = (seconds: number | null) => {
    if (seconds === null) return t('supervisor.noTarget');
    const h = Math.floor(seconds / 3600);
    const m = Math.ceil((seconds % 3600) / 60);
    if (!h) return t('supervisor.minutes', { m });
    return m ? t('supervisor.hoursMinutes', { h, m }) : t('supervisor.hours', { h });
  };
  const title = localText(line.title, i18n.language);
  return (
    <article className="sv-card" data-testid={`line-card-${line.key}`} aria-label={title}>
      <header className="sv-card-head">
        <h2>{title}</h2>
        {line.botOnly ? (
          <p className="muted sv-sla">{t('supervisor.botOnly')}</p>
        ) : (
          <p className="muted sv-sla">
            {t('supervisor.sla', {
              first: target(line.sla.firstResponseSeconds),
              resolution: target(line.sla.resolutionSeconds),
            })}
          </p>
        )}
      </header>
      <LineFigures line={line} wait={wait} breaches={breaches} />
      {!line.botOnly && (
        <>
          <h3>{t('supervisor.operators')}</h3>
          {line.operators.length === 0 ? (
            <p className="muted">{t('supervisor.noOperators')}</p>
          ) : (
            <ul className="sv-operators">
              {line.operators.map((operator) => (
                <OperatorCard key={operator.id} operator={operator} />
              ))}
            </ul>
          )}
        </>
      )}
      <h3>{t('supervisor.dialogs')}</h3>
      {line.dialogs.length === 0 ? (
        <p className="muted">{t('supervisor.noDialogs')}</p>
      ) : (
        <ul className="sv-dialogs">
          {line.dialogs.map((dialog) => (
            <BoardDialogRow key={dialog.id} dialog={dialog} now={now} operators={line.operators} />
          ))}
        </ul>
      )}
      {total > line.dialogs.length && (
        <p className="muted">
          {t('supervisor.shown', { shown: Math.min(limit, line.dialogs.length), total })}
        </p>
      )}
    </article>
  );
}
