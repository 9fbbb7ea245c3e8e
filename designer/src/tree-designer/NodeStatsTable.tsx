import { useTranslation } from 'react-i18next';
import { type NodeStats, summarizeNodeStats } from './stats-format';

/** The selected node's use in numbers, beside the short line on its card. */
export function NodeStatsTable({ stats }: { stats: NodeStats }) {
  const { t } = useTranslation();
  const s = summarizeNodeStats(stats);
  const ended = Object.values(stats.outcomes).reduce((sum, n) => sum + (n ?? 0), 0);
  return (
    <div className="td-node-stats" data-testid="td-node-stats">
      <span className="label">{t('treeDesigner.props.stats')}</span>
      <dl>
        <dt>{t('treeDesigner.props.statsVisits')}</dt>
        <dd>{s.visits}</dd>
        <dt>{t('treeDesigner.props.statsEnded')}</dt>
        <dd>
          {ended}
          {s.reachedPercent !== null ? ` (${s.reachedPercent} %)` : ''}
        </dd>
        {(s.helpful > 0 || s.notHelpful > 0) && (
          <>
            <dt>{t('treeDesigner.props.statsHelpful')}</dt>
            <dd>
              {s.helpful} / {s.notHelpful}
            </dd>
          </>
        )}
        <dt>{t('treeDesigner.props.statsAbandoned')}</dt>
        <dd>{s.abandoned}</dd>
      </dl>
    </div>
  );
}
