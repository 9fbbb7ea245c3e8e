import { imapPollSecondsDefault, imapPollSecondsMin } from '@opora/runtime/definitions';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldNote } from '../components/FieldNote';
import { SecretPicker } from '../secrets/SecretPicker';
import { suggestedSecretName } from '../secrets/secret-options';
import { type EmailSettings, type ImapSettings, optional, patched, starterImap } from './channel-draft';
import type { SectionProps } from './section-props';

/**
 * Polling an existing mailbox over IMAP, for an installation whose mail does not reach Opora's own listener: on or
 * off, and where the mailbox is. Turning it off and on again within the form brings back what was typed.
 */
export function ImapSection(props: SectionProps<EmailSettings>) {
  const { settings, update, problemAt, fieldProblem, secrets, reloadSecrets, definitionKey } = props;
  const { t } = useTranslation();
  const [remembered, setRemembered] = useState<ImapSettings | undefined>(undefined);
  const imap = settings.imap;
  const toggle = (on: boolean) => {
    if (!on) setRemembered(imap);
    update({ imap: on ? (remembered ?? starterImap()) : undefined });
  };
  return (
    <fieldset className="fieldset">
      <legend>{t('channelDesigner.imap.legend')}</legend>
      <label className="check">
        <input
          type="checkbox"
          data-testid="channel-imap-on"
          checked={Boolean(imap)}
          onChange={(e) => toggle(e.target.checked)}
        />
        {t('channelDesigner.imap.on')}
      </label>
      <span className="hint">{t('channelDesigner.imap.onHint')}</span>
      {imap && (
        <ImapFields
          imap={imap}
          change={(patch) => update({ imap: patched(imap, patch) })}
          problemAt={problemAt}
          fieldProblem={fieldProblem}
          secrets={secrets}
          reloadSecrets={reloadSecrets}
          definitionKey={definitionKey}
        />
      )}
    </fieldset>
  );
}

type FieldsProps = Pick<
  SectionProps<EmailSettings>,
  'problemAt' | 'fieldProblem' | 'secrets' | 'reloadSecrets' | 'definitionKey'
> & { imap: ImapSettings; change: (patch: Record<string, unknown>) => void };

function ImapFields({
  imap,
  change,
  problemAt,
  fieldProblem,
  secrets,
  reloadSecrets,
  definitionKey,
}: FieldsProps) {
  const { t } = useTranslation();
  const hostProblem = fieldProblem('/imap/host', imap.host, {
    empty: t('channelDesigner.imap.hostEmpty'),
    bad: t('channelDesigner.email.hostBad'),
  });
  const portText = Number.isFinite(imap.port) ? String(imap.port) : '';
  const portProblem = fieldProblem('/imap/port', portText, {
    empty: t('channelDesigner.email.portBad'),
    bad: t('channelDesigner.email.portBad'),
  });
  const userProblem = fieldProblem('/imap/user', imap.user, { empty: t('channelDesigner.imap.userEmpty') });
  const pollText = imap.pollSeconds === undefined ? '' : String(imap.pollSeconds);
  return (
    <>
      <div className="cd-row">
        <label className="cd-grow">
          {t('channelDesigner.email.host')}
          <input
            data-testid="channel-imap-host"
            value={imap.host}
            placeholder="imap.example.ru"
            spellCheck={false}
            aria-invalid={Boolean(hostProblem)}
            onChange={(e) => change({ host: e.target.value.trim() })}
          />
          <FieldNote message={hostProblem} hint={t('channelDesigner.imap.hostHint')} />
        </label>
        <label className="cd-port">
          {t('channelDesigner.email.port')}
          <input
            type="number"
            data-testid="channel-imap-port"
            min={1}
            max={65535}
            value={portText}
            aria-invalid={Boolean(portProblem)}
            onChange={(e) => change({ port: e.target.value === '' ? undefined : Number(e.target.value) })}
          />
          <FieldNote message={portProblem} hint={t('channelDesigner.imap.portHint')} />
        </label>
      </div>
      <label className="check">
        <input
          type="checkbox"
          data-testid="channel-imap-secure"
          checked={imap.secure}
          onChange={(e) =>
            change({
              secure: e.target.checked,
              ...(Number.isFinite(imap.port) ? { port: imapPortFor(e.target.checked, imap.port) } : {}),
            })
          }
        />
        {t('channelDesigner.imap.secure')}
      </label>
      <span className="hint">{t('channelDesigner.email.secureHint')}</span>
      <label>
        {t('channelDesigner.email.user')}
        <input
          data-testid="channel-imap-user"
          value={imap.user}
          maxLength={200}
          autoComplete="off"
          aria-invalid={Boolean(userProblem)}
          onChange={(e) => change({ user: e.target.value.trim() })}
        />
        <FieldNote message={userProblem} hint={t('channelDesigner.imap.userHint')} />
      </label>
      <SecretPicker
        label={t('channelDesigner.email.password')}
        testId="channel-imap-password"
        value={imap.passwordSecret}
        onChange={(passwordSecret) => change({ passwordSecret })}
        secrets={secrets}
        onCreated={reloadSecrets}
        suggestedName={suggestedSecretName(definitionKey, 'imap_password')}
        problem={fieldProblem('/imap/passwordSecret', imap.passwordSecret, {
          empty: t('channelDesigner.pickSecret'),
        })}
        hint={t('channelDesigner.imap.passwordHint')}
      />
      <div className="cd-row">
        <label className="cd-grow">
          {t('channelDesigner.imap.mailbox')}
          <input
            data-testid="channel-imap-mailbox"
            value={imap.mailbox ?? ''}
            placeholder="INBOX"
            maxLength={200}
            aria-invalid={Boolean(problemAt('/imap/mailbox'))}
            onChange={(e) => change({ mailbox: optional(e.target.value) })}
          />
          <FieldNote message={problemAt('/imap/mailbox')} hint={t('channelDesigner.imap.mailboxHint')} />
        </label>
        <label className="cd-port">
          {t('channelDesigner.imap.pollSeconds')}
          <input
            type="number"
            data-testid="channel-imap-poll-seconds"
            min={imapPollSecondsMin}
            max={3600}
            value={pollText}
            placeholder={String(imapPollSecondsDefault)}
            aria-invalid={Boolean(problemAt('/imap/pollSeconds'))}
            onChange={(e) =>
              change({ pollSeconds: e.target.value === '' ? undefined : Number(e.target.value) })
            }
          />
          <FieldNote
            message={problemAt('/imap/pollSeconds') && t('channelDesigner.imap.pollSecondsBad')}
            hint={t('channelDesigner.imap.pollSecondsHint')}
          />
        </label>
      </div>
    </>
  );
}

/** 993 ↔ 143 when the admin flips TLS-from-the-start and the port is still the other mode's usual one. */
export function imapPortFor(secure: boolean, port: number): number {
  if (secure && port === 143) return 993;
  if (!secure && port === 993) return 143;
  return port;
}
