import { useTranslation } from 'react-i18next';
import { CopyField } from '../components/CopyField';
import { LocalizedInput } from '../components/LocalizedInput';
import { WithCode } from '../components/WithCode';
import type { WidgetSettings } from './channel-draft';
import { OriginsEditor } from './OriginsEditor';
import { ServerAddressNote } from './ServerAddressNote';
import type { SectionProps } from './section-props';

/** The chat widget: which sites may embed it, its greeting, and the tag to paste into those sites. */
export function WidgetSection(props: SectionProps<WidgetSettings>) {
  const { settings, update, problemAt, ownProblemAt, addresses } = props;
  const { t } = useTranslation();
  const greetingProblem = problemAt('/greeting');
  return (
    <>
      <OriginsEditor
        value={settings.allowedOrigins}
        onChange={(allowedOrigins) => update({ allowedOrigins })}
        listProblem={ownProblemAt('/allowedOrigins')}
      />
      <div className="cd-field">
        <LocalizedInput
          label={t('channelDesigner.widget.greeting')}
          value={settings.greeting}
          onChange={(greeting) => update({ greeting })}
          problems={greetingProblem ? [greetingProblem] : []}
          testId="channel-greeting"
          multiline
          optional
          classPrefix="cd"
        />
        <span className="hint">{t('channelDesigner.widget.greetingHint')}</span>
      </div>
      <CopyField
        label={t('channelDesigner.widget.snippet')}
        text={addresses.widgetSnippet}
        testId="channel-snippet"
        multiline
        hint={
          <>
            <WithCode text={t('channelDesigner.widget.snippetHint')} /> <ServerAddressNote />
          </>
        }
      />
    </>
  );
}
