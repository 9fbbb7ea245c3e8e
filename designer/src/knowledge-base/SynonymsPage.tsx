import { ApiError } from '@opora/sdk';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBanner } from '../components/ErrorBanner';
import { JsonEditor } from '../components/JsonEditor';
import { client } from '../lib/api';
import { errorText } from '../lib/error-text';
import { formatSynonyms, parseSynonyms, type SynonymProblem, serverSynonymProblems } from './synonyms-text';
import { useLeaveGuard } from './use-leave-guard';
import './i18n';

const problemKey = (p: SynonymProblem): string =>
  `${p.line}:${p.code}:${p.code === 'repeated' ? p.term : p.code === 'server' ? p.message : ''}`;

/** The search's synonyms as text, one group per line; saving replaces the whole list. */
export function SynonymsPage({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const [text, setText] = useState<string | null>(null);
  const [saved, setSaved] = useState('');
  const [serverProblems, setServerProblems] = useState<SynonymProblem[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const parsed = useMemo(() => parseSynonyms(text ?? ''), [text]);
  useLeaveGuard(canEdit && text !== null && text !== saved, t('kb.synonyms.leaveUnsaved'));

  useEffect(() => {
    client.kb.synonyms().then(
      (r) => {
        const formatted = formatSynonyms(r.items);
        setText(formatted);
        setSaved(formatted);
      },
      (e: unknown) => setError(errorText(e, t('common.loadFailed'))),
    );
  }, [t]);

  const save = async () => {
    setBusy(true);
    setError(null);
    setNotice(null);
    setServerProblems([]);
    try {
      const r = await client.kb.saveSynonyms(parsed.groups);
      const formatted = formatSynonyms(r.items);
      setText(formatted);
      setSaved(formatted);
      setNotice(t('kb.synonyms.saved', { count: r.items.length }));
    } catch (e) {
      if (e instanceof ApiError) setServerProblems(serverSynonymProblems(e.details, parsed.lines));
      setError(errorText(e, t('common.saveFailed')));
    } finally {
      setBusy(false);
    }
  };

  const problems = [...parsed.problems, ...serverProblems].sort((a, b) => a.line - b.line);
  const describe = (p: SynonymProblem) =>
    p.code === 'server'
      ? p.message
      : p.code === 'single'
        ? t('kb.synonyms.single')
        : t('kb.synonyms.repeated', { term: p.term, line: p.otherLine });
  const hasLocal = parsed.problems.length > 0;

  return (
    <div className="page narrow kb-page" data-testid="kb-synonyms">
      <h1>{t('kb.synonyms.title')}</h1>
      <p className="muted">{t('kb.synonyms.hint')}</p>
      <ErrorBanner message={error} />
      {notice && (
        <div className="banner ok" role="status" data-testid="synonyms-notice">
          {notice}
        </div>
      )}
      {text === null ? (
        !error && <p className="muted">{t('common.loading')}</p>
      ) : (
        <>
          <div data-testid="synonyms-editor">
            <JsonEditor
              value={text}
              readOnly={!canEdit}
              marks={problems.map((p) => ({ line: p.line, message: describe(p) }))}
              onChange={(value) => {
                setText(value);
                setServerProblems([]);
                setNotice(null);
              }}
            />
          </div>
          {!text && <p className="muted small">{t('kb.synonyms.example')}</p>}
          {problems.length > 0 && (
            <ul className="problems" data-testid="synonym-problems">
              {problems.map((p) => (
                <li key={problemKey(p)} className={p.code === 'server' ? 'problem' : 'problem local'}>
                  {p.line ? t('kb.synonyms.line', { line: p.line }) : ''}
                  {describe(p)}
                </li>
              ))}
            </ul>
          )}
          {canEdit && (
            <div className="actions left kb-save-row">
              <button
                type="button"
                className="btn primary"
                data-testid="synonyms-save"
                disabled={busy || hasLocal || text === saved}
                onClick={() => void save()}
              >
                {busy ? t('common.wait') : t('kb.synonyms.save')}
              </button>
              <span className="muted small">{t('kb.synonyms.count', { count: parsed.groups.length })}</span>
            </div>
          )}
        </>
      )}
    </div>
  );
}
