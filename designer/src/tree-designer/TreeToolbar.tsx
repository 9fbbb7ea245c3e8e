import { useTranslation } from 'react-i18next';
import { Icon } from '../components/Icon';
import { UndoRedoButtons } from '../components/UndoRedoButtons';
import type { TreeStatsState } from './use-tree-stats';

/** Undo/redo, structure buttons for the selected node, fit, statistics and the problem count. */
export function TreeToolbar({
  canUndo,
  canRedo,
  onUndo,
  onRedo,
  canAddChild,
  canAddSibling,
  canRemove,
  onAddChild,
  onAddSibling,
  onRemove,
  onFit,
  stats,
  showStats,
  onShowStats,
  problemCount,
  panelOpen,
  onTogglePanel,
}: {
  canUndo: boolean;
  canRedo: boolean;
  onUndo: () => void;
  onRedo: () => void;
  canAddChild: boolean;
  canAddSibling: boolean;
  canRemove: boolean;
  onAddChild: () => void;
  onAddSibling: () => void;
  onRemove: () => void;
  onFit: () => void;
  stats: TreeStatsState;
  showStats: boolean;
  onShowStats: (show: boolean) => void;
  problemCount: number;
  panelOpen: boolean;
  onTogglePanel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="toolbar td-toolbar">
      <UndoRedoButtons
        canUndo={canUndo}
        canRedo={canRedo}
        onUndo={onUndo}
        onRedo={onRedo}
        testIdPrefix="td"
        labelClassName="td-label"
      />
      <span className="td-sep" />
      <button
        type="button"
        className="btn"
        data-testid="td-add-child"
        disabled={!canAddChild}
        onClick={onAddChild}
        title={t('treeDesigner.toolbar.addChildTitle')}
        aria-label={t('treeDesigner.toolbar.addChild')}
      >
        <Icon name="plus" className="td-icon" />{' '}
        <span className="td-label">{t('treeDesigner.toolbar.addChild')}</span>
      </button>
      <button
        type="button"
        className="btn"
        data-testid="td-add-sibling"
        disabled={!canAddSibling}
        onClick={onAddSibling}
        title={t('treeDesigner.toolbar.addSiblingTitle')}
        aria-label={t('treeDesigner.toolbar.addSibling')}
      >
        <Icon name="sibling" className="td-icon" />{' '}
        <span className="td-label">{t('treeDesigner.toolbar.addSibling')}</span>
      </button>
      <button
        type="button"
        className="btn danger"
        data-testid="td-remove-toolbar"
        disabled={!canRemove}
        onClick={onRemove}
        title="Delete"
        aria-label={t('treeDesigner.toolbar.remove')}
      >
        <Icon name="trash" className="td-icon" />{' '}
        <span className="td-label">{t('treeDesigner.toolbar.remove')}</span>
      </button>
      <button
        type="button"
        className="btn"
        data-testid="td-fit"
        onClick={onFit}
        aria-label={t('treeDesigner.toolbar.fit')}
        title={t('treeDesigner.toolbar.fit')}
      >
        <Icon name="fit" className="td-icon" />{' '}
        <span className="td-label">{t('treeDesigner.toolbar.fit')}</span>
      </button>
      <span className="spacer" />
      {stats.status !== 'off' && (
        <span className="td-stats-bar" data-testid="td-stats-bar">
          {stats.status === 'ready' && (
            <label className="check small">
              <input type="checkbox" checked={showStats} onChange={(e) => onShowStats(e.target.checked)} />
              {t('treeDesigner.toolbar.stats')}
            </label>
          )}
          <span className="muted">
            {stats.status === 'ready'
              ? t('treeDesigner.toolbar.statsTotals', {
                  walks: stats.stats.walks,
                  abandoned: stats.stats.abandoned,
                })
              : stats.status === 'loading'
                ? t('treeDesigner.toolbar.statsLoading')
                : stats.status === 'none'
                  ? t('treeDesigner.toolbar.statsNone')
                  : t('treeDesigner.toolbar.statsFailed')}
          </span>
        </span>
      )}
      <span className={problemCount ? 'badge td-count bad' : 'badge td-count'} data-testid="td-problem-count">
        {problemCount
          ? t('treeDesigner.toolbar.problems', { count: problemCount })
          : t('treeDesigner.toolbar.noProblems')}
      </span>
      <button
        type="button"
        className="btn td-panel-toggle"
        aria-expanded={panelOpen}
        data-testid="td-panel-toggle"
        onClick={onTogglePanel}
      >
        {t('treeDesigner.toolbar.panel')} {panelOpen ? '▴' : '▾'}
      </button>
    </div>
  );
}
