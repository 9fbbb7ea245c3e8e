import type { BotBody } from '@opora/runtime/definitions';
import { blockName } from '@opora/runtime/definitions';
import { useTranslation } from 'react-i18next';
import { Icon } from '../components/Icon';
import { findBlock, triggerIdOf } from './bot-ops';
import type { BotProblem } from './node-problems';

/** The live check's list: each problem names its block; a click selects the block and shows it. */
export function ProblemsPanel({
  body,
  problems,
  onPick,
}: {
  body: BotBody;
  problems: readonly BotProblem[];
  onPick: (node: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ru';
  const where = (node: string | null) => {
    if (node === null) return t('botDesigner.problems.bot');
    const trigger = triggerIdOf(node);
    if (trigger !== null) return `${t('botDesigner.card.trigger')} ${trigger}`;
    const block = findBlock(body, node);
    return block ? blockName(block, lang) : node;
  };
  return (
    <section className="bd-problems" data-testid="bd-problems" aria-live="polite">
      <h3>
        <Icon name={problems.length ? 'warn' : 'check'} size={14} />
        {t('botDesigner.problems.title')}
      </h3>
      {problems.length === 0 ? (
        <p className="muted" data-testid="bd-problems-none">
          {t('botDesigner.problems.none')}
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
                data-testid="bd-problem"
                disabled={p.node === null}
                onClick={() => p.node && onPick(p.node)}
              >
                <strong>{where(p.node)}</strong>
                <span>{p.message}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
