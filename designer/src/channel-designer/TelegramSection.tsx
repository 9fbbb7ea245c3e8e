import { useTranslation } from 'react-i18next';
import { CopyField } from '../components/CopyField';
import { FieldNote } from '../components/FieldNote';
import { WithCode } from '../components/WithCode';
import { SecretPicker } from '../secrets/SecretPicker';
import { suggestedSecretName } from '../secrets/secret-options';
import { optional, type TelegramSettings } from './channel-draft';
import { OptionCards } from './OptionCards';
import { ServerAddressNote } from './ServerAddressNote';
import type { SectionProps } from './section-props';

/** A Telegram bot: its token and webhook secret by name, how updates arrive, and the webhook address to register. */
export function TelegramSection(props: SectionProps<TelegramSettings>) {
  const { settings, update, fieldProblem, secrets, reloadSecrets, definitionKey, addresses } = props;
  const { t } = useTranslation();
  const secretProblem = (pointer: string, value: string) =>
    fieldProblem(pointer, value, { empty: t('channelDesigner.pickSecret') });
  const apiRootProblem = fieldProblem('/apiRoot', settings.apiRoot ?? '', {
    empty: '',
    bad: t('channelDesigner.telegram.apiRootBad'),
  });
  return (
    <>
      <SecretPicker
        label={t('channelDesigner.telegram.token')}
        testId="channel-telegram-token"
        value={settings.tokenSecret}
        onChange={(tokenSecret) => update({ tokenSecret })}
        secrets={secrets}
        onCreated={reloadSecrets}
        suggestedName={suggestedSecretName(definitionKey, 'token')}
        problem={secretProblem('/tokenSecret', settings.tokenSecret)}
        hint={t('channelDesigner.telegram.tokenHint')}
      />
      <SecretPicker
        label={t('channelDesigner.telegram.webhookSecret')}
        testId="channel-telegram-webhook-secret"
        value={settings.webhookSecret}
        onChange={(webhookSecret) => update({ webhookSecret })}
        secrets={secrets}
        onCreated={reloadSecrets}
        suggestedName={suggestedSecretName(definitionKey, 'webhook')}
        problem={secretProblem('/webhookSecret', settings.webhookSecret)}
        hint={t('channelDesigner.telegram.webhookSecretHint')}
      />
      <OptionCards
        legend={t('channelDesigner.telegram.mode')}
        name="telegram-mode"
        testId="channel-telegram-mode"
        value={settings.mode}
        options={(['webhook', 'polling'] as const).map((mode) => ({
          value: mode,
          name: t(`channelDesigner.telegram.modes.${mode}.name`),
          about: t(`channelDesigner.telegram.modes.${mode}.about`),
        }))}
        onChange={(mode) => update({ mode })}
      />
      {settings.mode === 'webhook' && (
        <CopyField
          label={t('channelDesigner.telegram.webhookUrl')}
          text={addresses.telegramWebhook}
          testId="channel-telegram-webhook-url"
          hint={
            <>
              <WithCode text={t('channelDesigner.telegram.webhookUrlHint')} /> <ServerAddressNote />
            </>
          }
        />
      )}
      <label>
        {t('channelDesigner.telegram.apiRoot')}
        <input
          type="url"
          data-testid="channel-telegram-api-root"
          value={settings.apiRoot ?? ''}
          placeholder="https://api.telegram.org"
          aria-invalid={Boolean(apiRootProblem)}
          onChange={(e) => update({ apiRoot: optional(e.target.value.trim()) })}
        />
        <FieldNote message={apiRootProblem} hint={t('channelDesigner.telegram.apiRootHint')} />
      </label>
    </>
  );
}
