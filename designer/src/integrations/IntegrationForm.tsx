import { addressAllowanceProblems } from '@opora/runtime/definitions';
import { useTranslation } from 'react-i18next';
import { FieldNote } from '../components/FieldNote';
import { LinesField } from '../components/LinesField';
import { WithCode } from '../components/WithCode';
import { SecretPicker } from '../secrets/SecretPicker';
import { secretOptions, suggestedSecretName } from '../secrets/secret-options';
import { useSecretNames } from '../secrets/use-secret-names';
import type { EditorProblem } from '../state/use-definition-draft';
import { type AuthType, type IntegrationDraft, lines, readDraft, withAuthType } from './integration-draft';

/**
 * An integration as a form for admins: where it points, which hosts and addresses it may reach, how it
 * authenticates (by secret name, never by value) and its limits. Every change is written back to the draft body,
 * so saving, publishing, the JSON tab and the server's validation messages work as for every kind.
 */
export function IntegrationForm({
  body,
  problems,
  onChange,
  definitionKey = '',
}: {
  body: Record<string, unknown>;
  problems: EditorProblem[];
  onChange: (body: Record<string, unknown>) => void;
  /** Names a secret created from the form (`crm` → `crm_token`). */
  definitionKey?: string;
}) {
  const { t, i18n } = useTranslation();
  const draft = readDraft(body);
  // Checked as the admin types, with the server's own rule, so a missing port bracket shows before saving.
  const addressProblem = addressAllowanceProblems(
    draft.allowedAddresses ?? [],
    i18n.language === 'en' ? 'en' : 'ru',
  )[0]?.message;
  const { secrets, reload: reloadSecrets } = useSecretNames();
  const update = (patch: Partial<IntegrationDraft>) => onChange({ ...body, ...patch });
  const problemAt = (prefix: string) => problems.find((p) => p.pointer?.startsWith(prefix))?.message;

  return (
    <div className="form integration-form" data-testid="integration-form">
      <label>
        {t('integration.baseUrl')}
        <input
          data-testid="integration-base-url"
          type="url"
          value={draft.baseUrl}
          onChange={(e) => update({ baseUrl: e.target.value.trim() })}
          placeholder="https://crm.example.ru/api"
          aria-invalid={Boolean(problemAt('/baseUrl'))}
        />
        <FieldNote message={problemAt('/baseUrl')} hint={t('integration.baseUrlHint')} />
      </label>
      <LinesField
        label={t('integration.allowedHosts')}
        rows={3}
        testId="integration-allowed-hosts"
        value={draft.allowedHosts}
        onChange={(allowedHosts) => update({ allowedHosts })}
        toEntries={lines}
        problem={problemAt('/allowedHosts')}
        hint={t('integration.allowedHostsHint')}
      />
      <LinesField
        label={t('integration.allowedAddresses')}
        rows={2}
        testId="integration-allowed-addresses"
        value={draft.allowedAddresses ?? []}
        onChange={(allowedAddresses) => update({ allowedAddresses })}
        toEntries={lines}
        problem={addressProblem ?? problemAt('/allowedAddresses')}
        hint={t('integration.allowedAddressesHint')}
      />

      <fieldset className="fieldset">
        <legend>{t('integration.auth')}</legend>
        <select
          data-testid="integration-auth-type"
          aria-label={t('integration.auth')}
          value={draft.auth.type}
          onChange={(e) => update({ auth: withAuthType(draft.auth, e.target.value as AuthType) })}
        >
          {(['none', 'bearer', 'basic', 'header'] as const).map((type) => (
            <option key={type} value={type}>
              {t(`integration.authType.${type}`)}
            </option>
          ))}
        </select>
        {draft.auth.type === 'basic' && (
          <label>
            {t('integration.username')}
            <input
              value={draft.auth.username}
              onChange={(e) =>
                update({ auth: { ...draft.auth, username: e.target.value } as IntegrationDraft['auth'] })
              }
            />
          </label>
        )}
        {draft.auth.type === 'header' && (
          <label>
            {t('integration.headerName')}
            <input
              value={draft.auth.header}
              placeholder="X-Api-Key"
              onChange={(e) =>
                update({ auth: { ...draft.auth, header: e.target.value } as IntegrationDraft['auth'] })
              }
            />
          </label>
        )}
        {draft.auth.type !== 'none' && (
          <SecretPicker
            label={t('integration.secret')}
            testId="integration-auth-secret"
            value={draft.auth.secret}
            onChange={(secret) => update({ auth: { ...draft.auth, secret } as IntegrationDraft['auth'] })}
            secrets={secrets}
            onCreated={reloadSecrets}
            suggestedName={suggestedSecretName(definitionKey, 'token')}
            problem={problemAt('/auth')}
            hint={t('integration.secretHint')}
          />
        )}
        {/* A new tab, so the unsaved draft here is not lost on the way to set a secret. */}
        <a href="/designer/secrets" target="_blank" rel="noreferrer" className="hint">
          {t('integration.manageSecrets')}
        </a>
      </fieldset>

      <fieldset className="fieldset">
        <legend>{t('integration.scriptSecrets')}</legend>
        <span className="hint">
          <WithCode text={t('integration.scriptSecretsHint')} />
        </span>
        {secretOptions(secrets, ...(draft.secrets ?? [])).length === 0 ? (
          <span className="muted">{t('integration.noSecrets')}</span>
        ) : (
          <div className="roles">
            {secretOptions(secrets, ...(draft.secrets ?? [])).map((name) => (
              <label key={name} className="check">
                <input
                  type="checkbox"
                  checked={(draft.secrets ?? []).includes(name)}
                  onChange={(e) =>
                    update({
                      secrets: e.target.checked
                        ? [...(draft.secrets ?? []), name]
                        : (draft.secrets ?? []).filter((s) => s !== name),
                    })
                  }
                />
                <code>{name}</code>
              </label>
            ))}
          </div>
        )}
      </fieldset>

      <fieldset className="fieldset">
        <legend>{t('integration.secretEcho')}</legend>
        <label className="check">
          <input
            type="checkbox"
            data-testid="integration-secret-echo"
            checked={draft.secretEcho === 'allow'}
            onChange={(e) => update({ secretEcho: e.target.checked ? 'allow' : undefined })}
          />
          {t('integration.secretEchoAllow')}
        </label>
        <FieldNote message={problemAt('/secretEcho')} hint={t('integration.secretEchoHint')} />
      </fieldset>

      <div className="grid-form form">
        <label>
          {t('integration.timeout')}
          <input
            type="number"
            min={100}
            max={60_000}
            step={100}
            value={draft.timeoutMs ?? ''}
            onChange={(e) =>
              update({ timeoutMs: e.target.value === '' ? undefined : Number(e.target.value) })
            }
          />
          <FieldNote message={problemAt('/timeoutMs')} hint={t('integration.timeoutHint')} />
        </label>
        <label>
          {t('integration.maxResponse')}
          <input
            type="number"
            min={1}
            max={50 * 1024}
            value={draft.maxResponseBytes === undefined ? '' : Math.round(draft.maxResponseBytes / 1024)}
            onChange={(e) =>
              update({ maxResponseBytes: e.target.value === '' ? undefined : Number(e.target.value) * 1024 })
            }
          />
          <FieldNote message={problemAt('/maxResponseBytes')} hint={t('integration.maxResponseHint')} />
        </label>
      </div>
    </div>
  );
}
