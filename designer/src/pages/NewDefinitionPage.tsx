import { ApiError, type DefinitionKind, type DefinitionSummary, type ErrorDetail } from '@opora/sdk';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBanner } from '../components/ErrorBanner';
import { FieldError } from '../components/FieldError';
import { client } from '../lib/api';
import { errorText } from '../lib/error-text';
import { navigate } from '../lib/router';
import { starterBody } from '../lib/starter-bodies';

const keyPattern = /^[a-z][a-z0-9_-]{0,62}$/;

/** Key, name and (for forms) the data type; the body starts as the smallest valid one of the kind. */
export function NewDefinitionPage({ kind }: { kind: DefinitionKind }) {
  const { t } = useTranslation();
  const [key, setKey] = useState('');
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
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

  const keyProblem = key && !keyPattern.test(key) ? t('create.keyRule') : null;
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
        body: starterBody(kind, entity || 'request', name),
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
          {t('create.key')}
          <input
            data-testid="definition-key"
            value={key}
            onChange={(e) => setKey(e.target.value.trim())}
            required
            placeholder="request-create"
            aria-invalid={Boolean(keyProblem)}
          />
          <span className="hint">{keyProblem ?? t('create.keyHint')}</span>
          <FieldError details={details} pointer="/body/key" />
        </label>
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
