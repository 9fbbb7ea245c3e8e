import { Icon } from './Icon';

/** One problem of a canvas designer's live check, with the canvas element it names (null: the whole definition). */
export interface CanvasProblem {
  pointer: string;
  message: string;
  target: string | null;
  source: 'local' | 'server';
}

/**
 * The live check's list beside a canvas (bots, processes): each problem names its element; a click selects it.
 * `where` says an element's name the way its designer shows it; the texts and test ids are the designer's own.
 */
export function CanvasProblems({
  problems,
  where,
  onPick,
  texts,
  testId,
}: {
  problems: readonly CanvasProblem[];
  where: (target: string | null) => string;
  onPick: (target: string) => void;
  texts: { title: string; none: string };
  /** The prefix of the list's test ids (`bd-problems`, `bd-problems-none`, `bd-problem`). */
  testId: string;
}) {
  return (
    <section className="bd-problems" data-testid={`${testId}-problems`} aria-live="polite">
      <h3>
        <Icon name={problems.length ? 'warn' : 'check'} size={14} />
        {texts.title}
      </h3>
      {problems.length === 0 ? (
        <p className="muted" data-testid={`${testId}-problems-none`}>
          {texts.none}
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
                data-testid={`${testId}-problem`}
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
