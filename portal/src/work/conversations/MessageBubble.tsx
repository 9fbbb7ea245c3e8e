import type { AttachmentRef } from '@opora/runtime/conversations';
import type { MessageView } from '@opora/sdk';
import { useTranslation } from 'react-i18next';
import { client } from '../../lib/api';

/** One message of a history: the client's on the left, answers on the right, internal notes set apart. */
export function MessageBubble({ message }: { message: MessageView }) {
  const { t, i18n } = useTranslation();
  const side = message.direction === 'in' ? 'in' : 'out';
  return (
    <li
      className={`bubble ${side}${message.internal ? ' internal' : ''}`}
      data-testid="message"
      data-direction={message.direction}
      data-internal={message.internal}
    >
      <div className="bubble-head muted">
        <span>
          {message.internal ? t('conversations.internal') : t(`conversations.author.${message.authorKind}`)}
        </span>
        <time dateTime={message.createdAt}>
          {new Date(message.createdAt).toLocaleString(i18n.language, {
            day: 'numeric',
            month: 'short',
            hour: '2-digit',
            minute: '2-digit',
          })}
        </time>
      </div>
      {message.text && <p className="bubble-text">{message.text}</p>}
      {message.parts.map((part, index) => (
        // Bot buttons and choices arrive with the bot issue; until then they show as the options offered.
        // biome-ignore lint/suspicious/noArrayIndexKey: parts have no id and never reorder
        <p key={index} className="bubble-parts muted">
          {(part.type === 'buttons' ? part.buttons : part.options).map((b) => `[${b.label}]`).join(' ')}
        </p>
      ))}
      {message.attachments.length > 0 && (
        <ul className="attachments">
          {message.attachments.map((file) => (
            <li key={file.fileId}>
              <Attachment conversationId={message.conversationId} file={file} />
            </li>
          ))}
        </ul>
      )}
      {message.delivery && !message.internal && <Delivery message={message} />}
    </li>
  );
}

function Attachment({ conversationId, file }: { conversationId: string; file: AttachmentRef }) {
  const url = client.conversations.fileUrl(conversationId, file.fileId);
  if (/^image\/(png|jpeg|gif|webp)$/.test(file.contentType))
    return (
      <a href={url} target="_blank" rel="noreferrer" className="thumb" data-testid="attachment">
        <img src={url} alt={file.name} loading="lazy" />
      </a>
    );
  return (
    <a href={url} target="_blank" rel="noreferrer" data-testid="attachment">
      {file.name} <span className="muted">({formatSize(file.size)})</span>
    </a>
  );
}

function Delivery({ message }: { message: MessageView }) {
  const { t } = useTranslation();
  const state = message.delivery!;
  return (
    <div className={`delivery delivery-${state}`} data-testid="delivery" data-state={state}>
      {t(`conversations.delivery.${state}`)}
      {state === 'failed' && message.deliveryError && `: ${message.deliveryError}`}
    </div>
  );
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
