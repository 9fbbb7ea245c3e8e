import type { BoardLine } from '@opora/sdk';
import { useTranslation } from 'react-i18next';

/** A line's figures: who waits and how long, dialogs in progress, targets missed, the bot's share. */
export function LineFigures({ line, wait, breaches }: { line: BoardLine; wait: string; breaches: number }) {
  const { t } = useTranslation();
  return (
    <>
      <dl className="sv-stats">
        <div>
          <dt>{t('supervisor.waiting')}</dt>
          <dd data-testid={`line-waiting-${line.key}`}>{line.waiting}</dd>
        </div>
        <div>
          <dt>{t('supervisor.longestWait')}</dt>
          <dd data-testid={`line-longest-${line.key}`}>{wait}</dd>
        </div>
        <div>
          <dt>{t('supervisor.inProgress')}</dt>
          <dd>{line.inProgress}</dd>
        </div>
        <div className={breaches ? 'sv-bad' : undefined}>
          <dt>{t('supervisor.breaches')}</dt>
          <dd data-testid={`line-breaches-${line.key}`}>{breaches}</dd>
        </div>
      </dl>
      {line.withBot > 0 && (
        <p className="muted sv-with-bot" data-testid={`line-with-bot-${line.key}`}>
          {t('supervisor.withBot', { count: line.withBot })}
        </p>
      )}
    </>
  );
}
