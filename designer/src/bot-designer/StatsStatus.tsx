import { useTranslation } from 'react-i18next';
import type { BotStatsState } from './use-bot-stats';

/** Beside the statistics toggle: how many dialogs the numbers come from, or why there are none. */
export function StatsStatus({ state }: { state: BotStatsState }) {
  const { t } = useTranslation();
  if (state.status === 'off') return null;
  const text =
    state.status === 'ready'
      ? t('botDesigner.stats.total', { count: state.stats.sessions })
      : t(`botDesigner.stats.${state.status}`);
  return (
    <span
      className={state.status === 'failed' ? 'bd-stats-status bad' : 'bd-stats-status'}
      data-testid={state.status === 'none' ? 'bd-stats-empty' : 'bd-stats-status'}
      aria-live="polite"
    >
      {text}
    </span>
  );
}
