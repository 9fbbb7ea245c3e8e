import { nodeName, type ProcessBody } from '@opora/runtime/definitions';
import { useTranslation } from 'react-i18next';
import { CanvasProblems } from '../components/CanvasProblems';
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
    <CanvasProblems
      problems={problems}
      where={where}
      onPick={onPick}
      texts={{ title: t('processDesigner.problems.title'), none: t('processDesigner.problems.none') }}
      testId="prd"
    />
  );
}
