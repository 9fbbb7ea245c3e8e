import type { OperatorStatus } from '@opora/sdk';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../lib/store';
import { requestCountsStore } from '../../state/request-counts';
import { listStore, loadList, type StatusFilter } from './state/list-store';
import { operatorStore, setStatus } from './state/operator-store';

const statuses: OperatorStatus[] = ['online', 'away', 'offline'];
const tabs: StatusFilter[] = ['mine', 'team', 'open', 'closed'];

/** Above the list: my status (Онлайн / Отошёл / Не в сети) and the tabs «На мне» / «На команде» / «Все» with counters. */
export function OperatorBar() {
  const { t } = useTranslation();
  const { profile, counts, error } = useStore(operatorStore);
  const { filter } = useStore(listStore);
  const requests = useStore(requestCountsStore);
  // A queue counts its dialogs and its open requests: both wait for the same people.
  const count = (tab: StatusFilter) =>
    tab === 'mine'
      ? counts.mine + (requests.mine ?? 0)
      : tab === 'team'
        ? counts.team + (requests.team ?? 0)
        : null;
  return (
    <div className="operator-bar">
      <label className="operator-status" data-status={profile?.status ?? 'offline'}>
        <span className="status-dot" aria-hidden="true" />
        <span className="sr-only">{t('distribution.status.label')}</span>
        <select
          value={profile?.status ?? 'offline'}
          data-testid="operator-status"
          onChange={(event) => void setStatus(event.target.value as OperatorStatus)}
        >
          {statuses.map((status) => (
            <option key={status} value={status}>
              {t(`distribution.status.${status}`)}
            </option>
          ))}
        </select>
      </label>
      {error !== null && (
        <p className="form-error" role="alert">
          {error instanceof Error ? error.message : t('distribution.failed')}
        </p>
      )}
      <fieldset className="list-tools filter-tools" aria-label={t('conversations.filter.label')}>
        {tabs.map((tab) => (
          <button
            key={tab}
            type="button"
            aria-pressed={filter === tab}
            className={filter === tab ? 'queue active' : 'queue'}
            data-testid={tab === 'mine' || tab === 'team' ? `queue-${tab}` : `conversations-filter-${tab}`}
            onClick={() => void loadList(tab)}
          >
            {t(`distribution.tab.${tab}`)}
            {count(tab) !== null && (
              <span className="queue-count" data-testid={`queue-count-${tab}`}>
                {count(tab)}
              </span>
            )}
          </button>
        ))}
      </fieldset>
    </div>
  );
}
