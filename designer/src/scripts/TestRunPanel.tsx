import { ApiError, type ScriptRunResult } from '@opora/sdk';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../lib/api';
import { errorText } from '../lib/error-text';
import { RunLogs, RunStats } from './RunReport';
import type { SourceMark } from './ScriptCodeEditor';
import { sourceMark } from './source-mark';
import './i18n';

/** The problems in the source a refused test-run names (compile errors), each at its line. */
function sourceProblems(error: unknown): SourceMark[] {
  if (!(error instanceof ApiError)) return [];
  return error.details.flatMap((d) => {
    const mark = d.pointer === '/source' ? sourceMark(d.message) : null;
    return mark ? [mark] : [];
  });
}

/** Sample input in, output, logs, duration and memory out; an error's TS position jumps to the code. */
export function TestRunPanel({
  source,
  integrations,
  onGoTo,
}: {
  source: string;
  integrations: string[];
  onGoTo: (line: number, column?: number) => void;
}) {
  const { t } = useTranslation();
  const [input, setInput] = useState('{\n  \n}');
  const [result, setResult] = useState<ScriptRunResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [problems, setProblems] = useState<SourceMark[]>([]);
  const [running, setRunning] = useState(false);

  const run = async () => {
    setFailure(null);
    setProblems([]);
    let parsed: unknown;
    try {
      parsed = input.trim() ? JSON.parse(input) : null;
    } catch (e) {
      setFailure(t('script.badInput', { message: (e as Error).message }));
      return;
    }
    setRunning(true);
    try {
      setResult(await client.testRunScript({ source, input: parsed, integrations }));
    } catch (e) {
      setResult(null);
      const marks = sourceProblems(e);
      setProblems(marks);
      if (!marks.length) setFailure(errorText(e, t('script.runFailed')));
    } finally {
      setRunning(false);
    }
  };

  return (
    <section className="test-run" aria-label={t('script.testRun')}>
      <h2>{t('script.testRun')}</h2>
      <label>
        {t('script.sampleInput')}
        <textarea
          className="mono"
          data-testid="sample-input"
          rows={6}
          spellCheck={false}
          value={input}
          onChange={(e) => setInput(e.target.value)}
          onKeyDown={(e) => {
            if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') void run();
          }}
        />
      </label>
      <button
        type="button"
        className="btn primary"
        data-testid="test-run"
        disabled={running}
        onClick={() => void run()}
      >
        {running ? t('script.running') : t('script.run')}
      </button>
      {failure && (
        <div className="banner error" role="alert">
          {failure}
        </div>
      )}
      {problems.length > 0 && (
        <div className="banner error" role="alert" data-testid="run-problems">
          <strong>{t('scriptRun.compileProblems')}</strong>
          <ul className="type-errors">
            {problems.map((m) => (
              <li key={`${m.line}:${m.column}:${m.message}`}>
                <button type="button" className="link" onClick={() => onGoTo(m.line, m.column)}>
                  {t('scriptRun.goToLine', { line: m.line })}
                </button>{' '}
                {m.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {result && (
        <div className="run-result" data-testid="run-result">
          <RunStats run={result} />
          {result.ok ? (
            <>
              <h3>{t('script.output')}</h3>
              <pre className="mono" data-testid="run-output">
                {JSON.stringify(result.output, null, 2)}
              </pre>
            </>
          ) : (
            <div className="banner error" data-testid="run-error">
              <strong>
                {t(`scriptRun.failure.${result.error?.code}`, { defaultValue: t('scriptRun.failed') })}
              </strong>
              : {result.error?.message}
              {result.error?.line && (
                <button
                  type="button"
                  className="btn ghost"
                  onClick={() => onGoTo(result.error?.line ?? 1, result.error?.column)}
                >
                  {t('script.atLine', { line: result.error.line, column: result.error.column ?? 1 })}
                </button>
              )}
            </div>
          )}
          <h3>{t('script.logs')}</h3>
          <RunLogs logs={result.logs} truncated={result.logsTruncated} />
        </div>
      )}
    </section>
  );
}
