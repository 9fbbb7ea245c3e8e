import { useTranslation } from 'react-i18next';
import { FieldNote } from '../components/FieldNote';
import { readRules, readStrings } from './line-draft';
import { NumberField } from './NumberField';
import { RulesEditor } from './RulesEditor';
import type { SectionProps } from './section-props';
import type { ChannelOption } from './use-published-channels';

/** Which dialogs come to the line: its channels, its place in the order lines are tried, default or not, rules. */
export function RoutingSection({
  body,
  update,
  problemAt,
  channels,
}: SectionProps & { channels: ChannelOption[] }) {
  const { t } = useTranslation();
  const attached = readStrings(body, 'channels');
  // A channel the line names but that is not (or no longer) published still shows, so it can be unticked.
  const shown = [
    ...channels,
    ...attached.filter((key) => !channels.some((c) => c.key === key)).map((key) => ({ key, name: key })),
  ];
  return (
    <section className="ld-section" data-testid="line-routing">
      <h2>{t('lineDesigner.sections.routing')}</h2>
      <fieldset className="ld-field ld-checks" data-testid="line-channels">
        <legend>{t('lineDesigner.channels')}</legend>
        {shown.length === 0 && <span className="muted">{t('lineDesigner.noChannels')}</span>}
        {shown.map((channel) => {
          const at = attached.indexOf(channel.key);
          const problem = at >= 0 ? problemAt(`/channels/${at}`) : undefined;
          return (
            <label key={channel.key} className="ld-check">
              <input
                type="checkbox"
                data-testid={`line-channel-${channel.key}`}
                checked={at >= 0}
                onChange={(e) =>
                  update({
                    channels: e.target.checked
                      ? [...attached, channel.key]
                      : attached.filter((key) => key !== channel.key),
                  })
                }
              />
              {channel.name}
              {problem && <span className="field-error">{problem}</span>}
            </label>
          );
        })}
        {shown.length > 0 && <FieldNote message={undefined} hint={t('lineDesigner.channelsHint')} />}
      </fieldset>
      <div className="ld-row">
        <NumberField
          label={t('lineDesigner.order')}
          value={typeof body.order === 'number' ? body.order : undefined}
          onChange={(order) => update({ order })}
          min={0}
          max={10_000}
          hint={t('lineDesigner.orderHint')}
          problem={problemAt('/order')}
          testId="line-order"
        />
        <label className="ld-check ld-grow">
          <input
            type="checkbox"
            data-testid="line-default"
            checked={body.isDefault === true}
            onChange={(e) => update({ isDefault: e.target.checked ? true : undefined })}
          />
          <span>
            {t('lineDesigner.isDefault')}
            <FieldNote message={problemAt('/isDefault')} hint={t('lineDesigner.isDefaultHint')} />
          </span>
        </label>
      </div>
      <RulesEditor
        rules={readRules(body)}
        onChange={(rules) => update({ rules })}
        problemAt={problemAt}
        channels={channels}
      />
    </section>
  );
}
