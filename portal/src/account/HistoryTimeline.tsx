import type { MyRequestHistoryEntry } from '@opora/sdk';
import { useTranslation } from 'react-i18next';
import { localText } from '../lib/local-text';

/** What happened to the request, newest first: who changed its status (and what else), and when. */
export function HistoryTimeline({ entries }: { entries: MyRequestHistoryEntry[] }) {
  const { t, i18n } = useTranslation();
  const text = (l: Parameters<typeof localText>[0]) => localText(l, i18n.language);
  if (entries.length === 0) return <p className="muted">{t('myAccount.request.noHistory')}</p>;
  const newestFirst = [...entries].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <ol className="timeline" data-testid="request-history">
      {newestFirst.map((entry) => (
        <li
          key={`${entry.at}:${entry.action}:${entry.status?.to?.ru ?? ''}:${entry.fields.map((f) => f.ru).join()}`}
          className={entry.status ? 'timeline-entry status-change' : 'timeline-entry'}
        >
          <span className="timeline-dot" aria-hidden="true" />
          <div className="timeline-body">
            <div className="timeline-what">
              {entry.action === 'create' && <strong>{t('myAccount.request.createdEntry')}</strong>}
              {entry.status && entry.action !== 'create' && (
                <strong>
                  {entry.status.from
                    ? t('myAccount.request.statusEntry', {
                        from: text(entry.status.from),
                        to: text(entry.status.to),
                      })
                    : t('myAccount.request.statusSet', { to: text(entry.status.to) })}
                </strong>
              )}
              {entry.fields.length > 0 && (
                <span>
                  {t('myAccount.request.fieldsEntry', { fields: entry.fields.map(text).join(', ') })}
                </span>
              )}
            </div>
            <div className="muted timeline-meta">
              <time dateTime={entry.at}>
                {new Date(entry.at).toLocaleString(i18n.language, {
                  dateStyle: 'medium',
                  timeStyle: 'short',
                })}
              </time>
              {' · '}
              {entry.by ?? t('myAccount.request.you')}
            </div>
          </div>
        </li>
      ))}
    </ol>
  );
}
