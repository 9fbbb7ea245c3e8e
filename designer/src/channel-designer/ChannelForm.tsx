import { validateDefinitionBody } from '@opora/runtime/definitions';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LocalizedInput } from '../components/LocalizedInput';
import { useSecretNames } from '../secrets/use-secret-names';
import type { EditorProblem } from '../state/use-definition-draft';
import { channelAddresses } from './channel-addresses';
import {
  type ChannelSettings,
  type ChannelType,
  channelTypes,
  type LText,
  patched,
  readSettings,
  switchType,
} from './channel-draft';
import { EmailSection } from './EmailSection';
import { fieldProblem, listProblem, problemAt } from './field-problems';
import { OptionCards } from './OptionCards';
import type { SectionProps } from './section-props';
import { TelegramSection } from './TelegramSection';
import { WebhookSection } from './WebhookSection';
import { WidgetSection } from './WidgetSection';
import './channel-designer.css';
import './i18n';

/**
 * A channel as a form for admins: its name, its type (each explained) and that type's settings, with secrets chosen
 * by name and the addresses to paste elsewhere ready to copy. Every change is written back to the draft body, so
 * saving, publishing, archiving, the JSON tab and the server's messages work as for every kind; problems come from
 * the runtime's schema, the one the server checks with.
 */
export function ChannelForm({
  body,
  problems,
  onChange,
  definitionKey,
  publicUrl,
  published,
}: {
  body: Record<string, unknown>;
  problems: EditorProblem[];
  onChange: (body: Record<string, unknown>) => void;
  definitionKey: string;
  /** Where clients and other systems reach this server: the origin the designer itself is served from. */
  publicUrl: string;
  /** A version is live: changing the type then changes what clients reach. */
  published: boolean;
}) {
  const { t, i18n } = useTranslation();
  const { secrets, reload } = useSecretNames();
  // The form's own check of the body as it is now: the editor's list keeps the server's last refusal in its place.
  const locale = i18n.language === 'en' ? 'en' : 'ru';
  const local = useMemo<EditorProblem[]>(
    () => validateDefinitionBody('channel', body, locale).map((p) => ({ ...p, source: 'local' })),
    [body, locale],
  );
  const refused = problems.filter((p) => p.source === 'server');
  // What was typed for another type, kept while the page is open, so trying a type and coming back loses nothing.
  const [remembered, setRemembered] = useState<Partial<Record<ChannelType, unknown>>>({});
  const settings = readSettings(body.settings);
  // The type the page opened with: the live version's, as far as the form can tell without fetching it.
  const [openedType] = useState(settings.type);
  const titleProblem = problemAt(problems, '/title');

  const pickType = (type: ChannelType) => {
    const next = switchType(body.settings, type, remembered);
    setRemembered(next.remembered);
    onChange({ ...body, settings: next.settings });
  };
  const common = {
    update: (patch: Record<string, unknown>) =>
      onChange({ ...body, settings: patched(body.settings, patch) }),
    problemAt: (pointer: string) => problemAt(problems, `/settings${pointer}`),
    ownProblemAt: (pointer: string) => listProblem(problems, `/settings${pointer}`),
    fieldProblem: (pointer: string, value: string, texts: { empty: string; bad?: string }) =>
      fieldProblem(local, refused, `/settings${pointer}`, value, texts),
    secrets,
    reloadSecrets: reload,
    definitionKey,
    addresses: channelAddresses(publicUrl, definitionKey),
  };

  return (
    <div className="form cd-form" data-testid="channel-form">
      <div className="cd-field">
        <LocalizedInput
          label={t('channelDesigner.title')}
          value={body.title as LText | undefined}
          onChange={(title) => onChange({ ...body, title })}
          problems={titleProblem ? [titleProblem] : []}
          testId="channel-title"
          classPrefix="cd"
        />
        <span className="hint">{t('channelDesigner.titleHint')}</span>
      </div>
      <OptionCards
        legend={t('channelDesigner.type')}
        name="channel-type"
        testId="channel-type"
        value={settings.type}
        options={channelTypes.map((type) => ({
          value: type,
          name: t(`channelDesigner.types.${type}.name`),
          about: t(`channelDesigner.types.${type}.about`),
        }))}
        onChange={pickType}
      />
      {published && settings.type !== openedType && (
        <div className="banner warn" role="status">
          {t('channelDesigner.typeChangedLive')}
        </div>
      )}
      <section className="cd-section" data-testid={`channel-settings-${settings.type}`}>
        <h2>{t(`channelDesigner.types.${settings.type}.name`)}</h2>
        {/* Keyed by type: a section's local state (the origins being typed) belongs to its type. */}
        <TypeSection key={settings.type} settings={settings} common={common} />
      </section>
    </div>
  );
}

function TypeSection({
  settings,
  common,
}: {
  settings: ChannelSettings;
  common: Omit<SectionProps<never>, 'settings' | 'update'> & {
    update: (patch: Record<string, unknown>) => void;
  };
}): ReactNode {
  switch (settings.type) {
    case 'widget':
      return <WidgetSection {...common} settings={settings} />;
    case 'telegram':
      return <TelegramSection {...common} settings={settings} />;
    case 'email':
      return <EmailSection {...common} settings={settings} />;
    case 'webhook':
      return <WebhookSection {...common} settings={settings} />;
  }
}
