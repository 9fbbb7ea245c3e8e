import { useTranslation } from 'react-i18next';
import { Icon, type IconName } from '../components/Icon';
import { UndoRedoButtons } from '../components/UndoRedoButtons';
import type { LayoutMode } from './tree-layout';
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
  mode,
  onMode,
  onFoldAll,
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
  mode: LayoutMode;
  onMode: (mode: LayoutMode) => void;
  /** Folds every branch below the start's choices (true) or unfolds them all. */
  onFoldAll: (fold: boolean) => void;
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
      <ToolButton
        icon="plus"
        label={t('treeDesigner.toolbar.addChild')}
        title={t('treeDesigner.toolbar.addChildTitle')}
        testId="td-add-child"
        disabled={!canAddChild}
        onClick={onAddChild}
      />
      <ToolButton
        icon="sibling"
        label={t('treeDesigner.toolbar.addSibling')}
        title={t('treeDesigner.toolbar.addSiblingTitle')}
        testId="td-add-sibling"
        disabled={!canAddSibling}
        onClick={onAddSibling}
      />
      <ToolButton
        icon="trash"
        danger
        label={t('treeDesigner.toolbar.remove')}
        title={t('treeDesigner.toolbar.removeTitle')}
        testId="td-remove-toolbar"
        disabled={!canRemove}
        onClick={onRemove}
      />
      <ToolButton icon="fit" label={t('treeDesigner.toolbar.fit')} testId="td-fit" onClick={onFit} />
      <span className="td-sep" />
      <fieldset className="td-view" aria-label={t('treeDesigner.view.label')}>
        {(['tree', 'outline'] as const).map((m) => (
          <button
            key={m}
            type="button"
            className={mode === m ? 'btn td-view-on' : 'btn'}
            aria-pressed={mode === m}
            data-testid={`td-view-${m}`}
            title={t(`treeDesigner.view.${m}Title`)}
            onClick={() => onMode(m)}
          >
            {t(`treeDesigner.view.${m}`)}
          </button>
        ))}
      </fieldset>
      <button type="button" className="btn" data-testid="td-fold-all" onClick={() => onFoldAll(true)}>
        {t('treeDesigner.view.foldAll')}
      </button>
      <button type="button" className="btn" data-testid="td-unfold-all" onClick={() => onFoldAll(false)}>
        {t('treeDesigner.view.unfoldAll')}
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

/** A toolbar button with an icon and a label that a narrow toolbar hides (the label stays its accessible name). */
function ToolButton({
  icon,
  label,
  title = label,
  testId,
  disabled = false,
  danger = false,
  onClick,
}: {
  icon: IconName;
  label: string;
  title?: string;
  testId: string;
  disabled?: boolean;
  danger?: boolean;
  onClick: () => void;
}) {
  return (
    <button
      type="button"
      className={danger ? 'btn danger' : 'btn'}
      data-testid={testId}
      disabled={disabled}
      onClick={onClick}
      title={title}
      aria-label={label}
    >
      <Icon name={icon} className="td-icon" /> <span className="td-label">{label}</span>
    </button>
  );
}
