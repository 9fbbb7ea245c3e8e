import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useRenderContext } from './FormRenderer';
import { inputId } from './form-ui';

/**
 * The problems stopping a save, on top: it takes focus when a save fails (screen readers announce it), and each
 * entry jumps to its field, opening the tab that holds it.
 */
export function ErrorSummary() {
  const { t } = useTranslation();
  const { model, ui, snapshot } = useRenderContext();
  const box = useRef<HTMLDivElement>(null);
  const { problems, attempted } = snapshot;
  const fields = Object.keys(problems.byField);
  const count = fields.reduce((n, key) => n + (problems.byField[key]?.length ?? 0), problems.general.length);
  // biome-ignore lint/correctness/useExhaustiveDependencies: every new set of problems is announced again
  useEffect(() => {
    if (attempted) box.current?.focus();
  }, [attempted, problems]);
  if (!attempted || count === 0) return null;
  const jump = async (key: string) => {
    await ui.reveal(key);
    const compiled = model.compiled.byKey.get(key);
    if (compiled) document.getElementById(inputId(compiled.elementId))?.focus();
  };
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={box} data-testid="error-summary">
      <h2>{t('work.form.problems', { count })}</h2>
      <ul>
        {problems.general.map((message) => (
          <li key={message}>{message}</li>
        ))}
        {fields.flatMap((key) =>
          (problems.byField[key] ?? []).map((message) => (
            <li key={`${key}:${message}`}>
              <button type="button" className="link-button" onClick={() => void jump(key)}>
                {message}
              </button>
            </li>
          )),
        )}
      </ul>
    </div>
  );
}
