import type { CsatToday, SupervisorBoard } from '@opora/sdk';
import { useTranslation } from 'react-i18next';
import { localText } from './local-text';

/** «Оценки сегодня»: today's average rating per line and per operator. */
export function CsatTodayPanel({ board }: { board: SupervisorBoard }) {
  const { t, i18n } = useTranslation();
  const rated = board.lines.filter((line) => line.csat.count > 0);
  const score = (c: CsatToday) => (c.average === null ? '—' : c.average.toFixed(2));
  const table = (caption: string, rows: { key: string; name: string; csat: CsatToday }[]) => (
    <table className="sv-csat">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col" />
          <th scope="col">{t('supervisor.average')}</th>
          <th scope="col">{t('supervisor.count')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} data-testid={`csat-${row.key}`}>
            <th scope="row">{row.name}</th>
            <td>{score(row.csat)}</td>
            <td>{row.csat.count}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <section className="sv-panel" data-testid="csat-today" aria-label={t('supervisor.csatTitle')}>
      <h2>{t('supervisor.csatTitle')}</h2>
      {board.csat.count === 0 ? (
        <p className="muted">{t('supervisor.csatEmpty')}</p>
      ) : (
        <>
          <p>
            {t('supervisor.total')}: <strong>{score(board.csat)}</strong> ({board.csat.count})
          </p>
          {table(
            t('supervisor.byLine'),
            rated.map((line) => ({
              key: line.key,
              name: localText(line.title, i18n.language),
              csat: line.csat,
            })),
          )}
          {table(
            t('supervisor.byOperator'),
            board.operatorsCsat.map((o) => ({ key: o.id, name: o.name, csat: o })),
          )}
        </>
      )}
    </section>
  );
}
