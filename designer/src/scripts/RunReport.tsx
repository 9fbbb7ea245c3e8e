import type { ScriptLogLine } from '@opora/sdk';
import { useTranslation } from 'react-i18next';

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** «8.9 мс · ЦП 3.2 мс · память 0.8 MB · вызовов SDK: 0» for a test run or a recorded run. */
export function RunStats({
  run,
}: {
  run: { durationMs: number; cpuMs: number; memoryBytes: number; sdkCalls: number };
}) {
  const { t } = useTranslation();
  return (
    <p className="muted">
      {t('script.stats', {
        duration: run.durationMs.toFixed(1),
        cpu: run.cpuMs.toFixed(1),
        memory: megabytes(run.memoryBytes),
        calls: run.sdkCalls,
      })}
    </p>
  );
}

/** A run's captured log lines, with a note when the size cap cut them short. */
export function RunLogs({ logs, truncated }: { logs: ScriptLogLine[]; truncated: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      {logs.length === 0 ? (
        <p className="muted">{t('script.noLogs')}</p>
      ) : (
        <ol className="logs mono" data-testid="run-logs">
          {logs.map((line, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: log lines have no identity beyond their order
            <li key={i} className={`log ${line.level}`}>
              <span className="level">{line.level}</span> {line.message}
            </li>
          ))}
        </ol>
      )}
      {truncated && <p className="muted">{t('script.logsTruncated')}</p>}
    </>
  );
}
