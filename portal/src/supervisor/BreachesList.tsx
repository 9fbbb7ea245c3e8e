import type { BoardLine, SlaBreachPage } from '@opora/sdk';
import { useTranslation } from 'react-i18next';
import { Link } from '../components/Link';
import { conversationPath } from '../work/conversations/paths';
import { localText } from './local-text';
import { breachesPageSize, pageBreaches } from './state/board-store';

/** «Нарушения SLA»: today's missed targets, newest first, a page at a time. */
export function BreachesList({ page, lines }: { page: SlaBreachPage | null; lines: BoardLine[] }) {
  const { t, i18n } = useTranslation();
  const titles = new Map(lines.map((line) => [line.key, localText(line.title, i18n.language)]));
  const time = (iso: string) =>
    new Date(iso).toLocaleTimeString(i18n.language, { hour: '2-digit', minute: '2-digit' });
  return (
    <section className="sv-panel" data-testid="sla-breaches" aria-label={t('supervisor.breachesTitle')}>
      <h2>{t('supervisor.breachesTitle')}</h2>
      {!page?.items.length ? (
        <p className="muted">{t('supervisor.breachesEmpty')}</p>
      ) : (
        <ul className="sv-breaches">
          {page.items.map((item) => (
            <li key={`${item.conversationId}-${item.kind}`} data-testid={`breach-${item.conversationId}`}>
              <Link to={conversationPath(item.conversationId)}>
                {item.clientName || t('supervisor.anonymous')}
              </Link>
              <span className="sv-breach">{t(`supervisor.breach.${item.kind}`)}</span>
              <span className="muted">
                {titles.get(item.lineKey) ?? item.lineKey} · {item.operatorName ?? t('supervisor.queue')} ·{' '}
                {t('supervisor.dueAt', { time: time(item.dueAt) })}
                {item.status === 'closed' ? ` · ${t('supervisor.closed')}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
      {page && (page.offset > 0 || page.hasMore) && (
        <div className="sv-pager">
          <button
            type="button"
            className="btn small"
            disabled={page.offset === 0}
            onClick={() => void pageBreaches(page.offset - breachesPageSize)}
          >
            {t('supervisor.newer')}
          </button>
          <button
            type="button"
            className="btn small"
            disabled={!page.hasMore}
            onClick={() => void pageBreaches(page.offset + breachesPageSize)}
          >
            {t('supervisor.older')}
          </button>
        </div>
      )}
    </section>
  );
}
