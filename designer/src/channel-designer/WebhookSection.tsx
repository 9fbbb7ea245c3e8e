import { addressAllowanceProblems } from '@opora/runtime/definitions';
import { useTranslation } from 'react-i18next';
import { CopyField } from '../components/CopyField';
import { FieldNote } from '../components/FieldNote';
import { LinesField } from '../components/LinesField';
import { WithCode } from '../components/WithCode';
import { SecretPicker } from '../secrets/SecretPicker';
import { suggestedSecretName } from '../secrets/secret-options';
import type { WebhookSettings } from './channel-draft';
import { ServerAddressNote } from './ServerAddressNote';
import type { SectionProps } from './section-props';

/** Any other messenger: the shared secret both ways, where answers go, where messages come in and how to sign. */
export function WebhookSection(props: SectionProps<WebhookSettings>) {
  const { settings, update, problemAt, fieldProblem, secrets, reloadSecrets, definitionKey, addresses } =
    props;
  const { t, i18n } = useTranslation();
  // The gateway is reached through the HTTP gateway, whose address rule the integrations use too.
  const addressProblem = addressAllowanceProblems(
    settings.allowedAddresses ?? [],
    i18n.language === 'en' ? 'en' : 'ru',
  )[0]?.message;
  const outboundProblem = fieldProblem('/outboundUrl', settings.outboundUrl, {
    empty: t('channelDesigner.webhook.outboundUrlEmpty'),
    bad: t('channelDesigner.webhook.outboundUrlBad'),
  });
  return (
    <>
      <SecretPicker
        label={t('channelDesigner.webhook.secret')}
        testId="channel-webhook-secret"
        value={settings.secret}
        onChange={(secret) => update({ secret })}
        secrets={secrets}
        onCreated={reloadSecrets}
        suggestedName={suggestedSecretName(definitionKey, 'secret')}
        problem={fieldProblem('/secret', settings.secret, { empty: t('channelDesigner.pickSecret') })}
        hint={t('channelDesigner.webhook.secretHint')}
      />
      <CopyField
        label={t('channelDesigner.webhook.inboundUrl')}
        text={addresses.webhookInbound}
        testId="channel-webhook-inbound-url"
        hint={
          <>
            <WithCode text={t('channelDesigner.webhook.inboundUrlHint')} /> <ServerAddressNote />
          </>
        }
      />
      <label>
        {t('channelDesigner.webhook.outboundUrl')}
        <input
          type="url"
          data-testid="channel-webhook-outbound-url"
          value={settings.outboundUrl}
          placeholder="https://gateway.example.ru/opora"
          spellCheck={false}
          aria-invalid={Boolean(outboundProblem)}
          onChange={(e) => update({ outboundUrl: e.target.value.trim() })}
        />
        <FieldNote message={outboundProblem} hint={t('channelDesigner.webhook.outboundUrlHint')} />
      </label>
      <LinesField
        label={t('channelDesigner.webhook.allowedAddresses')}
        rows={2}
        testId="channel-webhook-allowed-addresses"
        value={settings.allowedAddresses ?? []}
        onChange={(entries) => update({ allowedAddresses: entries.length ? entries : undefined })}
        problem={addressProblem ?? problemAt('/allowedAddresses')}
        hint={t('channelDesigner.webhook.allowedAddressesHint')}
      />
      <section className="cd-note" aria-labelledby="cd-signature">
        <h3 id="cd-signature">{t('channelDesigner.webhook.signature')}</h3>
        <p>
          <WithCode text={t('channelDesigner.webhook.signatureText')} />
        </p>
        <p>{t('channelDesigner.webhook.signatureRefusals')}</p>
      </section>
    </>
  );
}
