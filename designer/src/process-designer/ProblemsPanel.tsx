import { nodeName, type ProcessBody } from '@opora/runtime/definitions';
import { useTranslation } from 'react-i18next';
import { Icon } from '../components/Icon';
import type { ProcessProblem } from './node-problems';
import { findNode, flowIdOf } from './process-ops';

/** The live check's list: each problem names its node (or flow); a click selects it and shows it. */
export function ProblemsPanel({
  body,
  problems,
  onPick,
}: {
  body: ProcessBody;
  problems: readonly ProcessProblem[];
  onPick: (target: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ru';
  const where = (target: string | null) => {
    if (target === null) return t('processDesigner.problems.process');
    const flow = flowIdOf(target);
    if (flow !== null) return `${t('processDesigner.flow.title')} ${flow}`;
    const node = findNode(body, target);
    return node ? nodeName(node, lang) : target;
  };
  return (
    <section className="bd-problems" data-testid="prd-problems" aria-live="polite">
      <h3>
        <Icon name={problems.length ? 'warn' : 'check'} size={14} />
        {t('processDesigner.problems.title')}
      </h3>
      {problems.length === 0 ? (
        <p className="muted" data-testid="prd-problems-none">
          {t('processDesigner.problems.none')}
        </p>
      ) : (
        <ul>
          {problems.map((p) => (
            <li
              key={`${p.source}:${p.pointer}:${p.message}`}
              className={p.source === 'server' ? 'bd-problem server' : 'bd-problem'}
            >
              <button
                type="button"
                className="bd-problem-button"
                data-testid="prd-problem"
                disabled={p.target === null}
                onClick={() => p.target && onPick(p.target)}
              >
                <strong>{where(p.target)}</strong>
                <span>{p.message}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
