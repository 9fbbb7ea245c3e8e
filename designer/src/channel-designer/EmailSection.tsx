import { useTranslation } from 'react-i18next';
import { FieldNote } from '../components/FieldNote';
import { SecretPicker } from '../secrets/SecretPicker';
import { suggestedSecretName } from '../secrets/secret-options';
import { type EmailSettings, optional, patched } from './channel-draft';
import { ImapSection } from './ImapSection';
import type { SectionProps } from './section-props';

/** A support mailbox: its address and sender name, the SMTP server answers leave through, an IMAP mailbox to poll. */
export function EmailSection(props: SectionProps<EmailSettings>) {
  const { settings, update, problemAt, fieldProblem, secrets, reloadSecrets, definitionKey } = props;
  const { t } = useTranslation();
  const smtp = settings.smtp;
  const addressProblem = fieldProblem('/address', settings.address, {
    empty: t('channelDesigner.email.addressEmpty'),
    bad: t('channelDesigner.email.addressBad'),
  });
  const hostProblem = fieldProblem('/smtp/host', smtp.host, {
    empty: t('channelDesigner.email.hostEmpty'),
    bad: t('channelDesigner.email.hostBad'),
  });
  const portText = Number.isFinite(smtp.port) ? String(smtp.port) : '';
  const portProblem = fieldProblem('/smtp/port', portText, {
    empty: t('channelDesigner.email.portBad'),
    bad: t('channelDesigner.email.portBad'),
  });
  const updateSmtp = (patch: Record<string, unknown>) => update({ smtp: patched(smtp, patch) });
  return (
    <>
      <label>
        {t('channelDesigner.email.address')}
        <input
          type="email"
          data-testid="channel-email-address"
          value={settings.address}
          placeholder="help@example.ru"
          maxLength={254}
          aria-invalid={Boolean(addressProblem)}
          onChange={(e) => update({ address: e.target.value.trim() })}
        />
        <FieldNote message={addressProblem} hint={t('channelDesigner.email.addressHint')} />
      </label>
      <label>
        {t('channelDesigner.email.displayName')}
        <input
          value={settings.displayName ?? ''}
          maxLength={200}
          aria-invalid={Boolean(problemAt('/displayName'))}
          onChange={(e) => update({ displayName: optional(e.target.value) })}
        />
        <FieldNote message={problemAt('/displayName')} hint={t('channelDesigner.email.displayNameHint')} />
      </label>
      <p className="hint cd-paragraph">{t('channelDesigner.email.inbound')}</p>
      <fieldset className="fieldset">
        <legend>{t('channelDesigner.email.smtp')}</legend>
        <div className="cd-row">
          <label className="cd-grow">
            {t('channelDesigner.email.host')}
            <input
              data-testid="channel-smtp-host"
              value={smtp.host}
              placeholder="smtp.example.ru"
              spellCheck={false}
              aria-invalid={Boolean(hostProblem)}
              onChange={(e) => updateSmtp({ host: e.target.value.trim() })}
            />
            <FieldNote message={hostProblem} hint={t('channelDesigner.email.hostHint')} />
          </label>
          <label className="cd-port">
            {t('channelDesigner.email.port')}
            <input
              type="number"
              data-testid="channel-smtp-port"
              min={1}
              max={65535}
              value={portText}
              aria-invalid={Boolean(portProblem)}
              onChange={(e) =>
                updateSmtp({ port: e.target.value === '' ? undefined : Number(e.target.value) })
              }
            />
            <FieldNote message={portProblem} hint={t('channelDesigner.email.portHint')} />
          </label>
        </div>
        <label className="check">
          <input
            type="checkbox"
            checked={smtp.secure}
            onChange={(e) =>
              // Port 465 is TLS from the start and 587 is STARTTLS: move the port along when it is the other default.
              updateSmtp({
                secure: e.target.checked,
                ...(Number.isFinite(smtp.port) ? { port: defaultPortFor(e.target.checked, smtp.port) } : {}),
              })
            }
          />
          {t('channelDesigner.email.secure')}
        </label>
        <span className="hint">{t('channelDesigner.email.secureHint')}</span>
        <label>
          {t('channelDesigner.email.user')}
          <input
            value={smtp.user ?? ''}
            maxLength={200}
            autoComplete="off"
            aria-invalid={Boolean(problemAt('/smtp/user'))}
            onChange={(e) => updateSmtp({ user: optional(e.target.value.trim()) })}
          />
          <FieldNote message={problemAt('/smtp/user')} hint={t('channelDesigner.email.userHint')} />
        </label>
        <SecretPicker
          label={t('channelDesigner.email.password')}
          testId="channel-smtp-password"
          value={smtp.passwordSecret ?? ''}
          emptyLabel={t('channelDesigner.email.noPassword')}
          onChange={(name) => updateSmtp({ passwordSecret: optional(name) })}
          secrets={secrets}
          onCreated={reloadSecrets}
          suggestedName={suggestedSecretName(definitionKey, 'smtp_password')}
          problem={problemAt('/smtp/passwordSecret')}
          hint={t('channelDesigner.email.passwordHint')}
        />
      </fieldset>
      <ImapSection {...props} />
    </>
  );
}

/** 465 ↔ 587 when the admin flips TLS-from-the-start and the port is still the other mode's usual one. */
export function defaultPortFor(secure: boolean, port: number): number {
  if (secure && port === 587) return 465;
  if (!secure && port === 465) return 587;
  return port;
}
