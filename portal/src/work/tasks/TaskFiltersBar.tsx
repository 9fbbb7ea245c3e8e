import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskFilters } from './task-query';
import { setFilters } from './tasks-store';

/** Мои / Команды, Открытые / Выполненные, «Только просроченные», the process and a search. */
export function TaskFiltersBar({
  filters,
  known,
  team,
}: {
  filters: TaskFilters;
  /** Processes seen in the inbox (key → name). */
  known: ReadonlyMap<string, string>;
  /** Whether the person may see the team's tasks (supervisors, admins). */
  team: boolean;
}) {
  const { t } = useTranslation();
  const processes = processOptions(known, filters.process);
  return (
    <div className="list-toolbar tasks-filters" data-testid="tasks-filters">
      {team && (
        <Segmented
          label={t('tasks.scope.label')}
          value={filters.scope}
          options={[
            ['mine', t('tasks.scope.mine')],
            ['team', t('tasks.scope.team')],
          ]}
          onChange={(scope) => setFilters({ scope: scope as TaskFilters['scope'] })}
          testId="tasks-scope"
        />
      )}
      <Segmented
        label={t('tasks.status.label')}
        value={filters.status}
        options={[
          ['open', t('tasks.status.open')],
          ['done', t('tasks.status.done')],
        ]}
        onChange={(status) => setFilters({ status: status as TaskFilters['status'] })}
        testId="tasks-status"
      />
      {filters.status === 'open' && (
        <label className="inline-label">
          <input
            type="checkbox"
            checked={filters.overdueOnly}
            onChange={(event) => setFilters({ overdueOnly: event.target.checked })}
            data-testid="tasks-overdue-only"
          />
          {t('tasks.overdueOnly')}
        </label>
      )}
      <label className="inline-label">
        <span className="muted">{t('tasks.process')}</span>
        <select value={filters.process} onChange={(event) => setFilters({ process: event.target.value })}>
          <option value="">{t('tasks.anyProcess')}</option>
          {processes.map(([key, name]) => (
            <option key={key} value={key}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <SearchField value={filters.q} />
    </div>
  );
}

/** Processes to narrow by: those seen in the inbox, and the one chosen (from an address, say). */
function processOptions(known: ReadonlyMap<string, string>, chosen: string): [string, string][] {
  const found = new Map(known);
  if (chosen && !found.has(chosen)) found.set(chosen, chosen);
  return [...found].sort((a, b) => a[1].localeCompare(b[1]));
}

function Segmented({
  label,
  value,
  options,
  onChange,
  testId,
}: {
  label: string;
  value: string;
  options: [string, string][];
  onChange(value: string): void;
  testId: string;
}) {
  return (
    <fieldset className="segmented" data-testid={testId}>
      <legend className="visually-hidden">{label}</legend>
      {options.map(([id, title]) => (
        <button
          key={id}
          type="button"
          className={id === value ? 'btn active' : 'btn'}
          aria-pressed={id === value}
          onClick={() => onChange(id)}
        >
          {title}
        </button>
      ))}
    </fieldset>
  );
}

/** Searches as one types, after a short pause (a request per pause, not per key). */
function SearchField({ value }: { value: string }) {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  useEffect(() => {
    if (text === value) return;
    const timer = setTimeout(() => setFilters({ q: text }), 300);
    return () => clearTimeout(timer);
  }, [text, value]);
  return (
    <input
      type="search"
      className="search"
      aria-label={t('tasks.search')}
      placeholder={t('tasks.searchPlaceholder')}
      value={text}
      maxLength={200}
      onChange={(event) => setText(event.target.value)}
      data-testid="tasks-search"
    />
  );
}
