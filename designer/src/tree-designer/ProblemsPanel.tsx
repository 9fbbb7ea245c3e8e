import { recommendedTreeDepth, type TreeBody } from '@opora/runtime/definitions';
import { useTranslation } from 'react-i18next';
import { Icon } from '../components/Icon';
import type { NodeProblem } from './node-problems';

/** Every problem of the tree and the depth warnings; a click selects the node and brings it into view. */
export function ProblemsPanel({
  body,
  problems,
  deep,
  problemText,
  onPick,
}: {
  body: TreeBody;
  problems: readonly NodeProblem[];
  /** Nodes past the recommended depth. */
  deep: readonly string[];
  problemText: (problem: NodeProblem) => string;
  onPick: (id: string) => void;
}) {
  const { t } = useTranslation();
  const title = (id: string | null) =>
    id ? (body.nodes.find((n) => n.id === id)?.title.ru ?? id) : t('treeDesigner.problems.tree');
  const server = problems.filter((p) => p.source === 'server');
  return (
    <section className="td-problems" data-testid="td-problems" aria-label={t('treeDesigner.problems.title')}>
      <h3>{t('treeDesigner.problems.title')}</h3>
      {server.length > 0 && <div className="td-server-note">{t('treeDesigner.problems.server')}</div>}
      {problems.length === 0 ? (
        <p className="problems ok">{t('treeDesigner.problems.none')}</p>
      ) : (
        <ul className="td-problem-list">
          {problems.map((p) => (
            <li key={`${p.source}:${p.pointer}:${p.message}`} className={`td-problem ${p.source}`}>
              <button
                type="button"
                className="td-problem-button"
                data-testid="td-problem"
                disabled={!p.node}
                onClick={() => p.node && onPick(p.node)}
              >
                <Icon name="warn" size={14} className="td-icon" />
                <span>
                  {/* Messages from the tree check name their node already («…» (id)); plainer ones get its title. */}
                  {p.node && problemText(p).includes(`(${p.node})`) ? null : (
                    <strong>{title(p.node)} </strong>
                  )}
                  {problemText(p)}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {deep.length > 0 && (
        <>
          <h3>{t('treeDesigner.problems.warnings')}</h3>
          <ul className="td-problem-list">
            {deep.map((id) => (
              <li key={id} className="td-problem warning">
                <button type="button" className="td-problem-button" onClick={() => onPick(id)}>
                  <Icon name="warn" size={14} className="td-icon" />
                  <span>
                    {t('treeDesigner.problems.deep', { title: title(id), depth: recommendedTreeDepth })}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
