import type { PageWidgetConfig } from '@opora/runtime/definitions';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LocalizedInput } from '../../../components/LocalizedInput';
import { Problems } from '../../inputs';
import { type PanelProps, withSetting } from '../panel-types';
import { TextSetting } from '../settings';

type Config = PageWidgetConfig<'contact'>;
type Channel = Config['channel'];
const channels: Channel[] = ['chat', 'form', 'phone', 'email', 'link'];
/** Which address field a channel uses, and whether the button makes no sense without it. */
const target: Record<Channel, { key: 'url' | 'phone' | 'email'; required: boolean }> = {
  chat: { key: 'url', required: false },
  form: { key: 'url', required: true },
  link: { key: 'url', required: true },
  phone: { key: 'phone', required: true },
  email: { key: 'email', required: true },
};

/** A way to reach specialists: channel, button label, where it leads, optional heading and text. */
export function ContactPanel({ config, onChange, problems }: PanelProps<'contact'>) {
  const { t } = useTranslation();
  const id = useId();
  const { key, required } = target[config.channel];
  const value = config[key] ?? '';
  const targetProblems = !value && required ? [t('pageDesigner.fields.targetRequired')] : problems(`/${key}`);
  const setChannel = (channel: Channel) => {
    // Keep only the address the new channel uses, so the saved settings say what the button does.
    const { url, phone, email, ...rest } = config;
    const kept = { url, phone, email }[target[channel].key];
    onChange({ ...rest, channel, ...(kept ? { [target[channel].key]: kept } : {}) });
  };
  return (
    <>
      <label>
        {t('pageDesigner.fields.channel')}
        <select
          value={config.channel}
          data-testid="pd-channel"
          onChange={(e) => setChannel(e.target.value as Channel)}
        >
          {channels.map((c) => (
            <option key={c} value={c}>
              {t(`pageDesigner.channels.${c}`)}
            </option>
          ))}
        </select>
      </label>
      <LocalizedInput
        classPrefix="pd"
        label={t('pageDesigner.fields.buttonLabel')}
        value={config.label}
        problems={problems('/label')}
        testId="pd-label"
        onChange={(v) => onChange({ ...config, label: v ?? { ru: '' } })}
      />
      <label>
        {t(`pageDesigner.fields.target.${config.channel}`)}
        <input
          type={key === 'email' ? 'email' : key === 'phone' ? 'tel' : 'text'}
          value={value}
          data-testid="pd-target"
          placeholder={t(`pageDesigner.fields.targetPlaceholder.${config.channel}`)}
          aria-invalid={targetProblems.length > 0}
          aria-describedby={id}
          onChange={(e) => onChange(withSetting(config, key, e.target.value.trim()))}
        />
        <span className="hint">{t(`pageDesigner.fields.targetHint.${config.channel}`)}</span>
        <Problems id={id} messages={targetProblems} />
      </label>
      <TextSetting setting="title" config={config} onChange={onChange} problems={problems} />
      <TextSetting setting="text" multiline config={config} onChange={onChange} problems={problems} />
    </>
  );
}
