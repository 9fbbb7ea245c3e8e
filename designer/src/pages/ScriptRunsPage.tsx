import type { Page, ScriptRunRecord } from '@opora/sdk';
import { Fragment, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBanner } from '../components/ErrorBanner';
import { Pagination } from '../components/Pagination';
import { client } from '../lib/api';
import { errorText } from '../lib/error-text';
import { RunLogs, RunStats } from '../scripts/RunReport';

const limit = 25;

/** Every production run of every script, newest first: filter by script and outcome, open one for its error and logs. */
export function ScriptRunsPage() {
  const { t, i18n } = useTranslation();
  const [script, setScript] = useState('');
  const [outcome, setOutcome] = useState('');
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<Page<ScriptRunRecord> | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      client
        .listScriptRuns({ script: script.trim() || undefined, outcome: outcome || undefined, limit, offset })
        .then(
          (result) => current && setPage(result),
          (e: unknown) => current && setError(errorText(e, t('common.loadFailed'))),
        );
    }, 200);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [script, outcome, offset, t]);

  const filterBy = (apply: () => void) => {
    apply();
    setOffset(0);
  };

  return (
    <div className="page">
      <h1>{t('runs.title')}</h1>
      <p className="muted">{t('runs.hint')}</p>
      <div className="toolbar">
        <input
          type="search"
          className="search"
          placeholder={t('runs.script')}
          aria-label={t('runs.script')}
          value={script}
          onChange={(e) => filterBy(() => setScript(e.target.value))}
        />
        <select
          aria-label={t('runs.outcome')}
          value={outcome}
          onChange={(e) => filterBy(() => setOutcome(e.target.value))}
        >
          <option value="">{t('runs.anyOutcome')}</option>
          <option value="ok">{t('runs.ok')}</option>
          <option value="failed">{t('runs.failed')}</option>
        </select>
      </div>
      <ErrorBanner message={error} />
      {page === null ? (
        <p className="muted">{t('common.loading')}</p>
      ) : page.items.length === 0 ? (
        <p className="empty">{t('runs.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="run-list">
            <thead>
              <tr>
                <th>{t('runs.started')}</th>
                <th>{t('runs.script')}</th>
                <th>{t('runs.trigger')}</th>
                <th>{t('runs.duration')}</th>
                <th>{t('runs.outcome')}</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((run) => (
                <Fragment key={run.id}>
                  <tr
                    className="clickable"
                    tabIndex={0}
                    aria-expanded={open === run.id}
                    onClick={() => setOpen(open === run.id ? null : run.id)}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter' || e.key === ' ') {
                        e.preventDefault();
                        setOpen(open === run.id ? null : run.id);
                      }
                    }}
                  >
                    <td>{new Date(run.startedAt).toLocaleString(i18n.language)}</td>
                    <td>
                      <code>{run.script}</code>
                      {run.version !== null && <span className="muted"> v{run.version}</span>}
                    </td>
                    <td>
                      {run.trigger}
                      {run.triggeredBy ? ` · ${run.triggeredBy}` : ''}
                    </td>
                    <td>{t('runs.ms', { ms: run.durationMs.toFixed(1) })}</td>
                    <td>
                      <span className={run.outcome === 'ok' ? 'badge ok' : 'badge error'}>
                        {run.outcome === 'ok' ? t('runs.ok') : run.outcome}
                      </span>
                    </td>
                  </tr>
                  {open === run.id && (
                    <tr className="run-detail">
                      <td colSpan={5}>
                        <RunDetail run={run} />
                      </td>
                    </tr>
                  )}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {page && <Pagination offset={offset} limit={limit} total={page.total} onChange={setOffset} />}
    </div>
  );
}

function RunDetail({ run }: { run: ScriptRunRecord }) {
  const { t } = useTranslation();
  return (
    <div className="run-detail-body">
      <RunStats run={run} />
      {run.error && (
        <div className="banner error">
          <strong>{run.error.code}</strong>: {run.error.message}
          {run.error.line
            ? ` (${t('script.atLine', { line: run.error.line, column: run.error.column ?? 1 })})`
            : ''}
        </div>
      )}
      <RunLogs logs={run.logs} truncated={run.logsTruncated} />
    </div>
  );
}
