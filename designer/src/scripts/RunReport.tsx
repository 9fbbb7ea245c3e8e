import type { ScriptLogLine } from '@opora/sdk';
import { useTranslation } from 'react-i18next';
import { formatMemory, formatMs } from './run-figures';

/** «8,9 мс · ЦП 3,2 мс · память 812 КБ · вызовов SDK: 0» for a test run or a recorded run. */
export function RunStats({
  run,
}: {
  run: { durationMs: number; cpuMs: number; memoryBytes: number; sdkCalls: number };
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'ru';
  return (
    <p className="muted" data-testid="run-stats">
      {t('script.stats', {
        duration: formatMs(run.durationMs, locale),
        cpu: formatMs(run.cpuMs, locale),
        memory: formatMemory(run.memoryBytes, locale),
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
