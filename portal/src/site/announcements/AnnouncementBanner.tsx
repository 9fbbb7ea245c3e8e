import type { Announcement } from '@opora/sdk';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../lib/api';
import { Icon } from '../Icon';
import { AnnouncementText } from './AnnouncementText';
import { dismissAnnouncement, useDismissed } from './dismissed';
import '../site.css';

const refreshEvery = 5 * 60_000;
const severityIcon = { info: 'info', maintenance: 'tool', outage: 'alert' } as const;

/**
 * Active outage and maintenance notices above every portal screen, coloured by severity; each can be closed
 * for the rest of the session. Asked again every few minutes so a notice appears (and ends) without a reload.
 */
export function AnnouncementBanner() {
  const { t } = useTranslation();
  const [items, setItems] = useState<Announcement[]>([]);
  const [now, setNow] = useState(() => new Date());
  const dismissed = useDismissed();
  useEffect(() => {
    let live = true;
    const load = () =>
      client.portal.announcements().then(
        ({ items }) => {
          if (!live) return;
          setItems(items);
          setNow(new Date());
        },
        // The banner is a courtesy: when the server cannot say, the page shows without it.
        () => undefined,
      );
    void load();
    const timer = setInterval(load, refreshEvery);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, []);
  const shown = items.filter(
    (a) => !dismissed.includes(a.id) && (!a.endsAt || new Date(a.endsAt).getTime() > now.getTime()),
  );
  if (shown.length === 0) return null;
  return (
    <section className="announcement-banners" aria-label={t('site.announcements.region')}>
      {shown.map((a) => (
        <div
          key={a.id}
          className={`announcement-banner severity-${a.severity}`}
          role={a.severity === 'outage' ? 'alert' : 'status'}
          data-testid="announcement-banner"
        >
          <span className="announcement-icon">
            <Icon name={severityIcon[a.severity]} />
          </span>
          <AnnouncementText announcement={a} now={now} />
          <button
            type="button"
            className="announcement-dismiss"
            aria-label={t('site.announcements.dismiss')}
            title={t('site.announcements.dismiss')}
            onClick={() => dismissAnnouncement(a.id)}
          >
            ×
          </button>
        </div>
      ))}
    </section>
  );
}
