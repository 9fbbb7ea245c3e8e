import { ApiError, type DefinitionKind, type ErrorDetail, type ImportReport } from '@opora/sdk';
import { type ChangeEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBanner } from '../components/ErrorBanner';
import { WithCode } from '../components/WithCode';
import { client } from '../lib/api';
import { downloadJson } from '../lib/download';
import { errorText } from '../lib/error-text';
import { kinds } from '../lib/kinds';

/** Bundles: upload one to import it all or nothing, download all definitions or one kind. */
export function ImportExportPage() {
  const { t } = useTranslation();
  const [report, setReport] = useState<ImportReport | null>(null);
  const [details, setDetails] = useState<ErrorDetail[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [kind, setKind] = useState<DefinitionKind | ''>('');

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setBusy(true);
    setReport(null);
    setDetails([]);
    setError(null);
    try {
      let bundle: unknown;
      try {
        bundle = JSON.parse(await file.text());
      } catch (e) {
        throw new Error(t('bundles.notJson', { reason: (e as Error).message }));
      }
      setReport(await client.importBundle(bundle));
    } catch (e) {
      if (e instanceof ApiError) setDetails(e.details);
      setError(e instanceof ApiError ? e.message : errorText(e, (e as Error).message));
    } finally {
      setBusy(false);
    }
  };

  const exportBundle = async () => {
    try {
      downloadJson(
        await client.exportBundle(kind ? { kind } : {}),
        `opora-${kind || 'all'}-${new Date().toISOString().slice(0, 10)}.json`,
      );
    } catch (e) {
      setError(errorText(e, t('common.loadFailed')));
    }
  };

  return (
    <div className="page narrow">
      <h1>{t('bundles.title')}</h1>
      <section className="card">
        <h2>{t('bundles.import')}</h2>
        <p className="muted">
          <WithCode text={t('bundles.importHint')} />
        </p>
        <input
          type="file"
          accept="application/json,.json"
          data-testid="import-file"
          onChange={(e) => void onFile(e)}
          disabled={busy}
          aria-label={t('bundles.import')}
        />
        {busy && <p className="muted">{t('bundles.importing')}</p>}
        <ErrorBanner message={error} />
        {details.length > 0 && (
          <ul className="problems" data-testid="import-problems">
            {details.map((d) => (
              <li key={`${d.pointer}:${d.message}`} className="problem server">
                <code>{d.pointer || '/'}</code> {d.message}
              </li>
            ))}
          </ul>
        )}
        {report && (
          <div className="banner ok" data-testid="import-report">
            <strong>{t('bundles.done')}</strong>
            <ul>
              <li>
                {t('bundles.created', {
                  count: report.created.length,
                  list: report.created.map((r) => r.key).join(', '),
                })}
              </li>
              <li>
                {t('bundles.updated', {
                  count: report.updated.length,
                  list: report.updated.map((r) => r.key).join(', '),
                })}
              </li>
              <li>{t('bundles.published', { count: report.published.length })}</li>
              <li>{t('bundles.records', { count: report.records })}</li>
            </ul>
          </div>
        )}
      </section>
      <section className="card">
        <h2>{t('bundles.export')}</h2>
        <div className="toolbar">
          <select
            aria-label={t('bundles.exportKind')}
            value={kind}
            onChange={(e) => setKind(e.target.value as DefinitionKind | '')}
          >
            <option value="">{t('bundles.allKinds')}</option>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {t(`kinds.${k}.plural`)}
              </option>
            ))}
          </select>
          <button type="button" className="btn primary" onClick={() => void exportBundle()}>
            {t('bundles.download')}
          </button>
        </div>
      </section>
    </div>
  );
}
