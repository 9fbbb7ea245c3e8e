import { ApiError, type DefinitionKind, type DefinitionSummary, type ErrorDetail } from '@opora/sdk';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBanner } from '../components/ErrorBanner';
import { FieldError } from '../components/FieldError';
import { WithCode } from '../components/WithCode';
import { client } from '../lib/api';
import { definitionKeyPattern, keyExamples, keyFromName } from '../lib/definition-key';
import { errorText } from '../lib/error-text';
import { navigate } from '../lib/router';
import { starterBody } from '../lib/starter-bodies';

/**
 * Name, key and (for forms) the data type; the body starts as the smallest valid one of the kind, titled with the
 * name. The key follows the name as it is typed until the user types a key of his own (emptying it resumes).
 */
export function NewDefinitionPage({ kind }: { kind: DefinitionKind }) {
  const { t } = useTranslation();
  const [ownKey, setOwnKey] = useState('');
  const [name, setName] = useState('');
  const key = ownKey || keyFromName(name, kind);
  const [description, setDescription] = useState('');
  const [baseUrl, setBaseUrl] = useState('');
  const [entity, setEntity] = useState('');
  const [entities, setEntities] = useState<DefinitionSummary[]>([]);
  const [details, setDetails] = useState<ErrorDetail[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (kind !== 'form') return;
    void client.listDefinitions({ kind: 'entity', limit: 200, sort: 'name' }).then((p) => {
      setEntities(p.items);
      setEntity(p.items[0]?.key ?? '');
    });
  }, [kind]);

  const keyProblem = key && !definitionKeyPattern.test(key) ? t('create.keyRule') : null;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (keyProblem) return;
    setBusy(true);
    setDetails([]);
    setError(null);
    try {
      const created = await client.createDefinition({
        kind,
        key,
        name,
        description,
        body: starterBody(kind, { name, key, entity: entity || 'request', baseUrl }),
      });
      navigate(`/d/${kind}/${created.id}`);
    } catch (e) {
      if (e instanceof ApiError) setDetails(e.details);
      setError(errorText(e, t('common.saveFailed')));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="page narrow">
      <h1>{t('create.title', { kind: t(`kinds.${kind}.one`) })}</h1>
      <form className="form" onSubmit={submit}>
        <label>
          {t('create.name')}
          <input
            data-testid="definition-name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            required
            maxLength={200}
          />
          <FieldError details={details} pointer="/body/name" />
        </label>
        <label>
          {t('create.key')}
          <input
            data-testid="definition-key"
            value={key}
            onChange={(e) => setOwnKey(e.target.value.trim())}
            required
            placeholder={keyExamples[kind]}
            aria-invalid={Boolean(keyProblem)}
          />
          <span className="hint">
            {keyProblem ?? (ownKey ? t('create.keyHint') : t('shell.keyFromName'))}
          </span>
          <FieldError details={details} pointer="/body/key" />
        </label>
        <label>
          {t('create.description')}
          <textarea
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            rows={3}
            maxLength={2000}
          />
        </label>
        {kind === 'form' && (
          <label>
            {t('create.entity')}
            <select
              data-testid="definition-entity"
              value={entity}
              onChange={(e) => setEntity(e.target.value)}
              required
            >
              {entities.map((d) => (
                <option key={d.id} value={d.key}>
                  {d.name} ({d.key})
                </option>
              ))}
            </select>
          </label>
        )}
        {kind === 'integration' && (
          <label>
            {t('integration.baseUrl')}
            <input
              data-testid="definition-base-url"
              type="url"
              value={baseUrl}
              onChange={(e) => setBaseUrl(e.target.value)}
              required
              placeholder="https://crm.example.ru/api"
            />
            <span className="hint">
              <WithCode text={t('integration.baseUrlHint')} />
            </span>
            <FieldError details={details} pointer="/body/baseUrl" />
          </label>
        )}
        <ErrorBanner message={error} />
        <div className="actions">
          <button type="button" className="btn" onClick={() => navigate(`/d/${kind}`)}>
            {t('common.cancel')}
          </button>
          <button
            type="submit"
            className="btn primary"
            data-testid="create-submit"
            disabled={busy || Boolean(keyProblem)}
          >
            {t('create.submit')}
          </button>
        </div>
      </form>
    </div>
  );
}
