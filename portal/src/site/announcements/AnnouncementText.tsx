import type { Announcement } from '@opora/sdk';
import { useTranslation } from 'react-i18next';
import { announcementPeriod } from './period';

/** Severity, title, period and the (server-sanitized) text of one announcement. */
export function AnnouncementText({ announcement, now }: { announcement: Announcement; now: Date }) {
  const { t, i18n } = useTranslation();
  const period = announcementPeriod(announcement, now, i18n.language);
  return (
    <div className="announcement-text">
      <strong className="announcement-title">
        <span className="sr-only">{t(`site.announcements.severity.${announcement.severity}`)}: </span>
        {announcement.title}
      </strong>
      {period && <span className="announcement-period">{t(`site.announcements.${period.key}`, period)}</span>}
      {announcement.body && (
        <div
          className="announcement-body"
          // biome-ignore lint/security/noDangerouslySetInnerHtml: the server sanitizes announcement HTML on write
          dangerouslySetInnerHTML={{ __html: announcement.body }}
        />
      )}
    </div>
  );
}
