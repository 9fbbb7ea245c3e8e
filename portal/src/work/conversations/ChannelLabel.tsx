import type { ChannelType } from '@opora/runtime/conversations';
import { useTranslation } from 'react-i18next';

// Plain text symbols, not emoji: staff machines without an emoji font would show empty boxes.
const icons: Record<ChannelType, string> = {
  widget: '◉',
  telegram: '✈',
  email: '✉',
  webhook: '⇄',
  portal: '▤',
};

/** Which channel a conversation came through: an icon and its name. */
export function ChannelLabel({ channel, compact = false }: { channel: ChannelType; compact?: boolean }) {
  const { t } = useTranslation();
  const name = t(`conversations.channel.${channel}`);
  return (
    <span className={`channel-label channel-${channel}`} title={name} data-testid="channel-label">
      <span aria-hidden="true">{icons[channel] ?? '•'}</span>
      {compact ? <span className="sr-only">{name}</span> : <span>{name}</span>}
    </span>
  );
}
