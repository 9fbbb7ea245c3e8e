import type { TreeBody, TreeNode } from '@opora/runtime/definitions';
import { useTranslation } from 'react-i18next';
import { Icon } from '../components/Icon';
import { LocalizedInput } from '../components/LocalizedInput';
import { KindChooser } from './KindChooser';
import { LeafEditor } from './LeafEditor';
import { NodeStatsTable } from './NodeStatsTable';
import { kindOf, leafFor } from './node-kind';
import type { NodeProblem } from './node-problems';
import type { NodeStats } from './stats-format';
import type { TreeActions } from './tree-actions';
import { moveTargets, type NodePatch, parentOf } from './tree-ops';

/** Everything about the selected node: its texts, what it is, where it leads, where it sits, how it is used. */
export function NodeProperties({
  body,
  node,
  problems,
  stats,
  actions,
  onPatch,
  onMoveTo,
  problemText,
}: {
  body: TreeBody;
  node: TreeNode;
  problems: readonly NodeProblem[];
  stats: NodeStats | undefined;
  actions: TreeActions;
  onPatch: (patch: NodePatch, group?: string) => void;
  onMoveTo: (parentId: string) => void;
  problemText: (problem: NodeProblem) => string;
}) {
  const { t } = useTranslation();
  const index = body.nodes.indexOf(node);
  const base = `/nodes/${index}`;
  const at = (suffix: string) =>
    problems.filter((p) => p.pointer?.startsWith(`${base}${suffix}`)).map(problemText);
  const general = problems.filter(
    (p) => !['/title', '/text', '/leaf/'].some((s) => p.pointer?.startsWith(`${base}${s}`)),
  );
  const isRoot = node.id === body.root;
  const kind = kindOf(node);
  const parent = parentOf(body, node.id);
  const position = parent?.children?.indexOf(node.id) ?? -1;
  const siblings = parent?.children?.length ?? 0;
  const targets = moveTargets(body, node.id).filter((n) => n.id !== parent?.id);
  const byId = new Map(body.nodes.map((n) => [n.id, n]));

  return (
    <section className="td-props" data-testid="td-properties" aria-label={t('treeDesigner.props.title')}>
      <h3>
        <Icon name={kind} className="td-icon" /> {t(`treeDesigner.kinds.${kind}`)}{' '}
        <code className="muted">{node.id}</code>
      </h3>
      {isRoot && <p className="hint">{t('treeDesigner.props.rootNote')}</p>}
      {general.length > 0 && (
        <ul className="td-node-problems" role="alert">
          {general.map((p) => (
            <li key={`${p.source}:${p.pointer}:${p.message}`}>{problemText(p)}</li>
          ))}
        </ul>
      )}
      <LocalizedInput
        classPrefix="td"
        label={t('treeDesigner.props.nodeTitle')}
        value={node.title}
        testId="td-title"
        problems={at('/title')}
        onChange={(title) => onPatch({ title: title ?? { ru: '' } }, `title:${node.id}`)}
      />
      <LocalizedInput
        classPrefix="td"
        label={t('treeDesigner.props.explanation')}
        value={node.text}
        multiline
        optional
        testId="td-text"
        problems={at('/text')}
        onChange={(text) => onPatch({ text }, `text:${node.id}`)}
      />
      <KindChooser
        value={kind}
        leafLocked={(node.children?.length ?? 0) > 0}
        onlyQuestion={isRoot}
        onChange={(next) => onPatch({ leaf: leafFor(next, node.leaf) })}
      />
      {node.leaf ? (
        <LeafEditor
          leaf={node.leaf}
          problemsAt={(suffix) => at(`/leaf${suffix}`)}
          onChange={(leaf, group) => onPatch({ leaf }, group && `${group}:${node.id}`)}
        />
      ) : (
        <div className="td-choices">
          <span className="label">{t('treeDesigner.props.choices')}</span>
          {node.children?.length ? (
            <ol>
              {node.children.map((id) => (
                <li key={id}>
                  <button type="button" className="linklike" onClick={() => actions.focus(id)}>
                    {byId.get(id)?.title.ru ?? id}
                  </button>
                </li>
              ))}
            </ol>
          ) : (
            <p className="hint">{t('treeDesigner.props.noChoices')}</p>
          )}
          <button
            type="button"
            className="btn"
            data-testid="td-add-child-panel"
            onClick={() => actions.addChild(node.id)}
          >
            <Icon name="plus" className="td-icon" /> {t('treeDesigner.toolbar.addChild')}
          </button>
        </div>
      )}
      {!isRoot && (
        <div className="td-place">
          <div className="td-row">
            <button
              type="button"
              className="btn"
              data-testid="td-move-up"
              disabled={position <= 0}
              title={t('treeDesigner.props.moveUpTitle')}
              onClick={() => actions.moveBy(node.id, -1)}
            >
              <Icon name="up" className="td-icon" /> {t('treeDesigner.props.moveUp')}
            </button>
            <button
              type="button"
              className="btn"
              data-testid="td-move-down"
              disabled={position < 0 || position >= siblings - 1}
              title={t('treeDesigner.props.moveDownTitle')}
              onClick={() => actions.moveBy(node.id, 1)}
            >
              <Icon name="down" className="td-icon" /> {t('treeDesigner.props.moveDown')}
            </button>
            <button
              type="button"
              className="btn danger"
              data-testid="td-remove"
              onClick={() => actions.requestRemove(node.id)}
            >
              {t('treeDesigner.toolbar.remove')}
            </button>
          </div>
          <select
            aria-label={t('treeDesigner.props.moveTo')}
            data-testid="td-move-to"
            value=""
            disabled={!targets.length}
            onChange={(e) => e.target.value && onMoveTo(e.target.value)}
          >
            <option value="">{t('treeDesigner.props.moveTo')}</option>
            {targets.map((n) => (
              <option key={n.id} value={n.id}>
                {n.id === body.root ? t('treeDesigner.props.moveToRoot', { title: n.title.ru }) : n.title.ru}
              </option>
            ))}
          </select>
        </div>
      )}
      {stats && <NodeStatsTable stats={stats} />}
    </section>
  );
}
