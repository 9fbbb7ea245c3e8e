import type { Announcement, Page } from '@opora/sdk';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { ErrorBanner } from '../components/ErrorBanner';
import { Pagination } from '../components/Pagination';
import { formatDateTime } from '../knowledge-base/format';
import { client } from '../lib/api';
import { errorText } from '../lib/error-text';
import { AnnouncementForm } from './AnnouncementForm';
import { type AnnouncementPhase, announcementPhase } from './announcement-time';
import { plainText } from './severity';
import './announcements.css';
import './i18n';

const limit = 20;
const phaseOrder: Record<AnnouncementPhase, number> = { current: 0, planned: 1, past: 2 };

/** Outage and maintenance notices for the portal banner: what is shown now, what is coming, what is over. */
export function AnnouncementsPage({ canEdit }: { canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<Page<Announcement> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<Announcement | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Announcement | null>(null);
  const load = useCallback(
    () =>
      client.portal.listAnnouncements({ limit, offset }).then(
        (p) => {
          setPage(p);
          setError(null);
        },
        (e: unknown) => setError(errorText(e, t('common.loadFailed'))),
      ),
    [offset, t],
  );
  useEffect(() => {
    void load();
  }, [load]);

  const now = new Date();
  const items = [...(page?.items ?? [])]
    .map((a) => ({ a, phase: announcementPhase(a, now) }))
    .sort((x, y) => phaseOrder[x.phase] - phaseOrder[y.phase]);
  const remove = async (a: Announcement) => {
    try {
      await client.portal.deleteAnnouncement(a.id);
      await load();
    } catch (e) {
      setError(errorText(e, t('common.saveFailed')));
    }
  };

  return (
    <div className="page kb-page" data-testid="announcements">
      <div className="page-head">
        <h1>{t('announcements.pageTitle')}</h1>
        <span className="spacer" />
        {canEdit && (
          <button
            type="button"
            className="btn primary"
            data-testid="create-announcement"
            onClick={() => setEditing('new')}
          >
            {t('announcements.create')}
          </button>
        )}
      </div>
      <p className="muted">{t('announcements.hint')}</p>
      <ErrorBanner message={error} />
      {!page && !error && <p className="muted">{t('common.loading')}</p>}
      {page?.total === 0 && (
        <div className="empty">
          <p>{t('announcements.empty')}</p>
          {canEdit && (
            <button type="button" className="btn primary" onClick={() => setEditing('new')}>
              {t('announcements.create')}
            </button>
          )}
        </div>
      )}
      <ul className="ann-list">
        {items.map(({ a, phase }) => (
          <li key={a.id} className={`card ann-item ann-${phase}`} data-testid="announcement-row">
            <div className="ann-head">
              <span className={`badge ann-phase-${phase}`} data-testid="announcement-phase">
                {t(`announcements.phases.${phase}`)}
              </span>
              <span className={`badge ann-sev-badge ann-sev-${a.severity}`}>
                {t(`announcements.severities.${a.severity}`)}
              </span>
              <strong className="ann-title">{a.title}</strong>
            </div>
            <div className="muted small">
              {a.endsAt
                ? t('announcements.period', {
                    from: formatDateTime(a.startsAt, i18n.language),
                    to: formatDateTime(a.endsAt, i18n.language),
                  })
                : t('announcements.from', { from: formatDateTime(a.startsAt, i18n.language) })}
            </div>
            {a.body && <p className="ann-preview">{plainText(a.body)}</p>}
            {canEdit && (
              <div className="row-actions">
                <button type="button" className="btn" onClick={() => setEditing(a)}>
                  {t('announcements.edit')}
                </button>
                <button type="button" className="btn danger" onClick={() => setDeleting(a)}>
                  {t('announcements.delete')}
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
      {page && <Pagination offset={offset} limit={limit} total={page.total} onChange={setOffset} />}
      {editing && (
        <AnnouncementForm
          editing={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSubmit={async (input) => {
            if (editing === 'new') await client.portal.createAnnouncement(input);
            else await client.portal.updateAnnouncement(editing.id, input);
            setEditing(null);
            await load();
          }}
        />
      )}
      {deleting && (
        <ConfirmDialog
          title={t('announcements.deleteTitle')}
          text={t('announcements.deleteText', { title: deleting.title })}
          confirmLabel={t('announcements.delete')}
          onCancel={() => setDeleting(null)}
          onConfirm={() => {
            const a = deleting;
            setDeleting(null);
            void remove(a);
          }}
        />
      )}
    </div>
  );
}
