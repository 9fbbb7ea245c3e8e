import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EditorProblem } from '../state/use-definition-draft';
import { type CodeEditorHandle, ScriptCodeEditor, type SourceMark } from './ScriptCodeEditor';
import { sourceMark } from './source-mark';
import { TestRunPanel } from './TestRunPanel';

interface ScriptDraft {
  source?: unknown;
  integrations?: unknown;
}

/**
 * The script's code in Monaco beside the test-run panel. The source lives in the draft's JSON body, so saving,
 * publishing and the JSON tab keep working as for every kind.
 */
export function ScriptWorkbench({
  body,
  onSourceChange,
  problems,
}: {
  body: ScriptDraft;
  onSourceChange: (source: string) => void;
  problems: EditorProblem[];
}) {
  const { t } = useTranslation();
  const editor = useRef<CodeEditorHandle | null>(null);
  const [typeErrors, setTypeErrors] = useState<SourceMark[]>([]);
  const source = typeof body.source === 'string' ? body.source : '';
  const integrations = Array.isArray(body.integrations)
    ? body.integrations.filter((i): i is string => typeof i === 'string')
    : [];
  const serverMarks = useMemo(
    () =>
      problems.flatMap((p) => {
        const mark = p.pointer === '/source' ? sourceMark(p.message) : null;
        return mark ? [mark] : [];
      }),
    [problems],
  );

  return (
    <div className="script-workbench">
      <div className="script-code">
        <ScriptCodeEditor
          value={source}
          onChange={onSourceChange}
          serverMarks={serverMarks}
          onTypeErrors={setTypeErrors}
          handleRef={editor}
        />
        <div className="type-status" data-testid="type-status" aria-live="polite">
          {typeErrors.length === 0 ? (
            <span className="ok-text">{t('script.noTypeErrors')}</span>
          ) : (
            <ul className="type-errors">
              {typeErrors.map((m) => (
                <li key={`${m.line}:${m.column}:${m.message}`}>
                  <button
                    type="button"
                    className="link"
                    onClick={() => editor.current?.reveal(m.line, m.column)}
                  >
                    {m.line}:{m.column}
                  </button>{' '}
                  {m.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
      <TestRunPanel
        source={source}
        integrations={integrations}
        onGoTo={(line, column) => editor.current?.reveal(line, column)}
      />
    </div>
  );
}
