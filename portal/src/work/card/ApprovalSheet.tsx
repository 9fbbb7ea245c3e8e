import { useTranslation } from 'react-i18next';
import { formatMoment } from '../../records/format-value';
import type { ApprovalSheetRow } from '../tasks/task-types';
import '../tasks/i18n';

/** Лист согласования: every decision on a record — who, when, what, on which version of the document, and why. */
export function ApprovalSheet({ rows }: { rows: readonly ApprovalSheetRow[] }) {
  const { t, i18n } = useTranslation();
  if (!rows.length) return <p className="empty">{t('tasks.sheet.empty')}</p>;
  return (
    <section className="approval-sheet" data-testid="approval-sheet" aria-label={t('tasks.sheet.title')}>
      <div className="table-wrap">
        <table className="records">
          <thead>
            <tr>
              <th>{t('tasks.sheet.who')}</th>
              <th>{t('tasks.sheet.when')}</th>
              <th>{t('tasks.sheet.step')}</th>
              <th>{t('tasks.sheet.decision')}</th>
              <th>{t('tasks.sheet.version')}</th>
              <th>{t('tasks.sheet.comment')}</th>
              <th>{t('tasks.sheet.round')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr
                key={`${row.instanceId}:${row.nodeId}:${row.round}:${row.actor.id}:${row.at}`}
                data-testid="approval-row"
              >
                <td data-label={t('tasks.sheet.who')}>{row.actor.name}</td>
                <td data-label={t('tasks.sheet.when')}>{formatMoment(row.at, i18n.language)}</td>
                <td data-label={t('tasks.sheet.step')}>{row.nodeName || row.nodeId}</td>
                <td data-label={t('tasks.sheet.decision')} className={`decision ${row.outcome}`}>
                  {t(`tasks.outcomeDone.${row.outcome}`, { defaultValue: row.outcome })}
                  {row.delegateTo && <span className="muted"> → {personName(row.delegateTo)}</span>}
                </td>
                <td data-label={t('tasks.sheet.version')}>
                  {row.hash ? <code title={row.hash}>{shortHash(row.hash)}</code> : '—'}
                </td>
                <td data-label={t('tasks.sheet.comment')} className="comment">
                  {row.comment ?? ''}
                </td>
                <td data-label={t('tasks.sheet.round')}>{row.round}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

const personName = (person: string | { name: string }): string =>
  typeof person === 'string' ? person : person.name;

/** The first characters of a content hash: enough to tell versions apart on screen. */
export const shortHash = (hash: string): string => hash.replace(/^sha256:/, '').slice(0, 8);
