import type { BotBody } from '@opora/runtime/definitions';
import { blockName } from '@opora/runtime/definitions';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { CanvasProblems } from '../components/CanvasProblems';
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
  const listed = useMemo(() => problems.map((p) => ({ ...p, target: p.node })), [problems]);
  return (
    <CanvasProblems
      problems={listed}
      where={where}
      onPick={onPick}
      texts={{ title: t('botDesigner.problems.title'), none: t('botDesigner.problems.none') }}
      testId="bd"
    />
  );
}
