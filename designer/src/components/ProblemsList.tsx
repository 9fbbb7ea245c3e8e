import { useTranslation } from 'react-i18next';
import type { EditorProblem } from '../state/use-definition-draft';

/** Every problem of the draft with where it is; a click moves the caret to that line. */
export function ProblemsList({
  problems,
  onPick,
}: {
  problems: (EditorProblem & { line?: number })[];
  onPick: (line: number) => void;
}) {
  const { t } = useTranslation();
  if (!problems.length) return <div className="problems ok">{t('editor.noProblems')}</div>;
  return (
    <ul className="problems" data-testid="problems-list" aria-label={t('editor.problems')}>
      {problems.map((p) => (
        <li key={`${p.source}:${p.pointer}:${p.message}`} className={`problem ${p.source}`}>
          <button type="button" className="linklike" onClick={() => p.line && onPick(p.line)}>
            {p.line ? t('editor.line', { line: p.line }) : ''} <code>{p.pointer || '/'}</code>
          </button>{' '}
          {p.message}
        </li>
      ))}
    </ul>
  );
}
