import { Handle, type NodeProps, Position } from '@xyflow/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../components/Icon';
import type { BlockFlowNode, TriggerFlowNode } from './card-data';

/**
 * A block on the canvas: its type in words, the analyst's label, what it says or does, and one handle per exit —
 * each button option and each error path its own line, so a connection is drawn from exactly the exit it sets.
 */
export const BlockCard = memo(function BlockCard({ id, data, selected }: NodeProps<BlockFlowNode>) {
  const { t } = useTranslation();
  const classes = [
    'bd-card',
    `bd-type-${data.type}`,
    selected ? 'selected' : '',
    data.problems.length ? 'has-problem' : '',
    data.current ? 'current' : '',
  ];
  return (
    <div
      className={classes.filter(Boolean).join(' ')}
      style={{ height: data.height }}
      data-testid={`bd-block-${id}`}
      data-type={data.type}
      title={
        data.problems.length
          ? t('botDesigner.card.hasProblems', { text: data.problems.join('; ') })
          : undefined
      }
    >
      <Handle id="in" type="target" position={Position.Left} className="bd-handle bd-in" />
      {data.stats && <BlockStatsBadge id={id} stats={data.stats} />}
      <div className="bd-card-head">
        <span className="bd-card-type">{data.typeName}</span>
        {data.label && <span className="bd-card-label">«{data.label}»</span>}
        <span className="spacer" />
        {data.current && <span className="bd-card-current">{t('botDesigner.card.current')}</span>}
        {data.problems.length > 0 && (
          <span className="bd-card-problem" data-testid={`bd-block-problem-${id}`}>
            <Icon name="warn" size={13} />
            {data.problems.length}
          </span>
        )}
      </div>
      <div className="bd-card-summary">
        {data.summary.code && data.summary.text ? (
          <code>{data.summary.text}</code>
        ) : (
          data.summary.text || '\u00a0'
        )}
      </div>
      <ul className="bd-exits">
        {data.exits.map((exit) => (
          <li
            key={exit.name}
            className={exit.connected ? 'bd-exit' : exit.required ? 'bd-exit open' : 'bd-exit optional'}
            data-testid={`bd-exit-${id}-${exit.name}`}
          >
            <span className="bd-exit-label">{exit.label}</span>
            <Handle id={exit.name} type="source" position={Position.Right} className="bd-handle bd-out" />
          </li>
        ))}
      </ul>
    </div>
  );
});

/** The block's three numbers above its card, in the gap between cards, so showing them moves nothing. */
function BlockStatsBadge({ id, stats }: { id: string; stats: NonNullable<BlockFlowNode['data']['stats']> }) {
  const { t } = useTranslation();
  return (
    <div
      className={stats.reached ? 'bd-card-stats' : 'bd-card-stats unused'}
      data-testid={`bd-stats-${id}`}
      title={t('botDesigner.stats.cardTitle', { ...stats })}
    >
      <span>
        {t('botDesigner.stats.reached')} <strong>{stats.reached}</strong>
      </span>
      <span>
        {t('botDesigner.stats.left')} <strong>{stats.left}</strong>
      </span>
      <span>
        {t('botDesigner.stats.handedOver')} <strong>{stats.handedOver}</strong>
      </span>
    </div>
  );
}

/** A trigger: what starts the chain, with one handle to the block it starts at. */
export const TriggerCard = memo(function TriggerCard({ id, data, selected }: NodeProps<TriggerFlowNode>) {
  const { t } = useTranslation();
  const classes = [
    'bd-card',
    'bd-trigger',
    selected ? 'selected' : '',
    data.problems.length ? 'has-problem' : '',
  ];
  return (
    <div
      className={classes.filter(Boolean).join(' ')}
      style={{ height: data.height }}
      data-testid={`bd-node-${id}`}
      title={
        data.problems.length
          ? t('botDesigner.card.hasProblems', { text: data.problems.join('; ') })
          : undefined
      }
    >
      <div className="bd-card-head">
        <span className="bd-card-type">{t('botDesigner.card.trigger')}</span>
        <span className="spacer" />
        {data.problems.length > 0 && (
          <span className="bd-card-problem">
            <Icon name="warn" size={13} />
            {data.problems.length}
          </span>
        )}
      </div>
      <div className="bd-card-summary">
        <strong>{data.typeName}</strong> {data.detail}
      </div>
      <Handle id="next" type="source" position={Position.Right} className="bd-handle bd-out" />
    </div>
  );
});
