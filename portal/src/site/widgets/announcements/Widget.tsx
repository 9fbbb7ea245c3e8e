import { useTranslation } from 'react-i18next';
import { AsyncContent } from '../../../components/WidgetStates';
import { client } from '../../../lib/api';
import { localText } from '../../../lib/local-text';
import { useAsync } from '../../../lib/use-async';
import { AnnouncementText } from '../../announcements/AnnouncementText';
import { WidgetFrame } from '../WidgetFrame';
import type { WidgetProps } from '../widget-props';

/** News and notices: the current announcements, optionally with the recent past ones (marked as ended). */
export function AnnouncementsWidget({ config }: WidgetProps<'announcements'>) {
  const { t, i18n } = useTranslation();
  const limit = config.count ?? 5;
  const includePast = config.includePast ?? false;
  const list = useAsync(() => client.portal.announcements({ includePast, limit }), [includePast, limit]);
  const now = new Date();
  const title = config.title ? localText(config.title, i18n.language) : t('site.widget.announcements.title');
  return (
    <WidgetFrame type="announcements" title={title}>
      <AsyncContent
        state={list}
        isEmpty={(data) => data.items.length === 0}
        empty={t('site.widget.announcements.empty')}
      >
        {(data) => (
          <ul className="news-list">
            {data.items.slice(0, limit).map((a) => {
              const ended = a.endsAt !== null && new Date(a.endsAt).getTime() <= now.getTime();
              return (
                <li key={a.id} className={`news-item severity-${a.severity}${ended ? ' ended' : ''}`}>
                  <time className="news-date" dateTime={a.startsAt}>
                    {newsDate(a.startsAt, now, i18n.language)}
                  </time>
                  {ended ? (
                    <div className="announcement-text">
                      <strong className="announcement-title">{a.title}</strong>
                      <span className="announcement-period">{t('site.widget.announcements.ended')}</span>
                    </div>
                  ) : (
                    <AnnouncementText announcement={a} now={now} />
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </AsyncContent>
    </WidgetFrame>
  );
}

/** «2 декабря», with the year when it is not this one. */
function newsDate(iso: string, now: Date, locale: string): string {
  const date = new Date(iso);
  return date.toLocaleDateString(locale, {
    day: 'numeric',
    month: 'long',
    ...(date.getFullYear() !== now.getFullYear() ? { year: 'numeric' } : {}),
  });
}
