import { recommendedTreeDepth } from '@opora/runtime/definitions';
import { Handle, type NodeProps, Position } from '@xyflow/react';
import { memo, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../components/Icon';
import type { TreeFlowNode } from './card-data';
import { TreeActionsContext } from './tree-actions';

/** One node of the tree on the canvas: kind, title, what it leads to, marks for problems, depth and use. */
export const TreeNodeCard = memo(function TreeNodeCard({ id, data, selected }: NodeProps<TreeFlowNode>) {
  const { t } = useTranslation();
  const actions = useContext(TreeActionsContext);
  const classes = [
    'td-card',
    `td-kind-${data.kind}`,
    selected ? 'selected' : '',
    data.problems.length ? 'has-problem' : '',
    data.deepAt !== null ? 'deep' : '',
    data.drop ? `td-drop-${data.drop}` : '',
  ];
  const stats = data.stats;
  return (
    <div
      className={classes.filter(Boolean).join(' ')}
      data-testid={`tree-node-${id}`}
      data-kind={data.kind}
      title={
        data.problems.length
          ? t('treeDesigner.card.hasProblems', { text: data.problems.join('; ') })
          : undefined
      }
    >
      {data.outline ? (
        <Handle
          id="outline-in"
          type="target"
          position={Position.Left}
          isConnectable={false}
          className="td-handle"
        />
      ) : (
        <Handle type="target" position={Position.Top} isConnectable={false} className="td-handle" />
      )}
      <div className="td-card-body">
        <div className="td-card-head">
          <Icon name={data.kind} size={14} className="td-icon" />
          <span className="td-card-kind">{t(`treeDesigner.kinds.${data.kind}`)}</span>
          {data.isRoot && <span className="td-card-start">{t('treeDesigner.card.start')}</span>}
          <span className="spacer" />
          {data.problems.length > 0 && (
            <span className="td-card-problem" data-testid={`tree-node-problem-${id}`}>
              <Icon name="warn" size={14} className="td-icon" />
              {data.problems.length}
            </span>
          )}
        </div>
        <div className="td-card-title">{data.title}</div>
        {data.detail && (
          <div className={data.detailWarn ? 'td-card-detail warn' : 'td-card-detail'}>{data.detail}</div>
        )}
        {data.kind === 'question' && (
          <div className={data.childCount ? 'td-card-detail' : 'td-card-detail warn'}>
            {data.childCount
              ? t('treeDesigner.card.choices', { count: data.childCount })
              : t('treeDesigner.card.leadsNowhere')}
          </div>
        )}
        {stats && (
          <div
            className="td-card-stats"
            data-testid={`tree-node-stats-${id}`}
            title={t('treeDesigner.card.statsTitle', {
              visits: stats.visits,
              reached: stats.reachedPercent === null ? '—' : `${stats.reachedPercent} %`,
              abandoned: stats.abandoned,
            })}
          >
            <Icon name="eye" size={13} className="td-icon" /> {stats.visits}
            {stats.reachedPercent !== null && (
              <>
                {' · '}
                <Icon name="check" size={13} className="td-icon" /> {stats.reachedPercent} %
              </>
            )}
            {' · '}
            <Icon name="remove" size={13} /> {stats.abandoned}
          </div>
        )}
        {data.deepAt !== null && (
          <div className="td-card-deep" data-testid={`tree-node-deep-${id}`}>
            {t('treeDesigner.card.deep', { depth: recommendedTreeDepth })}
          </div>
        )}
      </div>
      {data.drop === 'into' && <div className="td-drop-label">{t('treeDesigner.card.dropInto')}</div>}
      {data.drop === 'refused' && (
        <div className="td-drop-label refused">{t('treeDesigner.card.dropRefused')}</div>
      )}
      {selected && data.kind === 'question' && actions && (
        <button
          type="button"
          className="td-card-add nodrag"
          data-testid={`tree-node-add-${id}`}
          aria-label={t('treeDesigner.toolbar.addChildTitle')}
          title={t('treeDesigner.toolbar.addChildTitle')}
          onClick={(event) => {
            event.stopPropagation();
            actions.addChild(id);
          }}
        >
          <Icon name="plus" size={14} className="td-icon" />
        </button>
      )}
      {data.fold && actions && (
        <button
          type="button"
          className={data.fold.folded ? 'td-card-fold folded nodrag' : 'td-card-fold nodrag'}
          data-testid={`tree-node-fold-${id}`}
          aria-expanded={!data.fold.folded}
          aria-label={
            data.fold.folded
              ? t('treeDesigner.view.unfold', { count: data.fold.hidden })
              : t('treeDesigner.view.fold')
          }
          title={
            data.fold.folded
              ? t('treeDesigner.view.unfold', { count: data.fold.hidden })
              : t('treeDesigner.view.fold')
          }
          onClick={(event) => {
            event.stopPropagation();
            actions.toggleFold(id);
          }}
        >
          {data.fold.folded ? t('treeDesigner.view.hidden', { count: data.fold.hidden }) : '−'}
        </button>
      )}
      {data.outline ? (
        <Handle
          id="outline-out"
          type="source"
          position={Position.Bottom}
          isConnectable={false}
          className="td-handle td-handle-outline"
        />
      ) : (
        <Handle type="source" position={Position.Bottom} isConnectable={false} className="td-handle" />
      )}
    </div>
  );
});
