import { useTranslation } from 'react-i18next';
import { Link } from '../../../components/Link';
import { WidgetEmpty } from '../../../components/WidgetStates';
import { kbPaths } from '../../../kb/kb-paths';
import { localText } from '../../../lib/local-text';
import { Icon } from '../../Icon';
import { WidgetFrame } from '../WidgetFrame';
import type { WidgetProps } from '../widget-props';

/** A way to reach specialists: open a chat or the feedback form, call, write, or follow a link. */
export function ContactWidget({ config }: WidgetProps<'contact'>) {
  const { t, i18n } = useTranslation();
  const title = config.title ? localText(config.title, i18n.language) : null;
  const text = config.text ? localText(config.text, i18n.language) : null;
  const label = localText(config.label, i18n.language);
  const href = contactHref(config);
  const button = (content: string) =>
    href === null ? (
      <WidgetEmpty>{t('site.widget.contact.chatSoon')}</WidgetEmpty>
    ) : href.startsWith('/') ? (
      <Link to={href} className="btn primary contact-button">
        {content}
      </Link>
    ) : (
      <a
        href={href}
        className="btn primary contact-button"
        {...(href.startsWith('http') ? { target: '_blank', rel: 'noopener noreferrer' } : {})}
      >
        {content}
      </a>
    );
  return (
    <WidgetFrame type="contact" title={title}>
      <div className="contact-box">
        <span className="contact-icon">
          <Icon name={config.channel} size={24} />
        </span>
        <div className="contact-body">
          {text && <p>{text}</p>}
          {button(label)}
        </div>
      </div>
    </WidgetFrame>
  );
}

/** Where the button leads; null when a chat has nowhere to open yet. */
export function contactHref(config: WidgetProps<'contact'>['config']): string | null {
  switch (config.channel) {
    case 'phone':
      return config.phone ? `tel:${config.phone.replace(/[^+0-9]/g, '')}` : null;
    case 'email':
      return config.email ? `mailto:${config.email}` : null;
    case 'form':
      return config.url ?? kbPaths.contact();
    default:
      return config.url ?? null;
  }
}
