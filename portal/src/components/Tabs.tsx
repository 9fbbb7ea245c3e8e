import { type KeyboardEvent, type ReactNode, useId, useRef } from 'react';

export interface TabItem {
  id: string;
  title: ReactNode;
  /** Shown beside the title, e.g. a count or an error mark. */
  badge?: ReactNode;
  testId?: string;
}

/**
 * Tabs per the WAI-ARIA pattern: one tab stop, ←/→/Home/End move between tabs, the panel follows. The caller
 * owns which tab is active, so it can open a tab itself (for a field with an error, say).
 */
export function Tabs({
  tabs,
  active,
  onSelect,
  label,
  children,
}: {
  tabs: TabItem[];
  active: string;
  onSelect(id: string): void;
  label: string;
  children: ReactNode;
}) {
  const base = useId();
  const list = useRef<HTMLDivElement>(null);
  const current = tabs.some((t) => t.id === active) ? active : tabs[0]?.id;
  const move = (event: KeyboardEvent) => {
    const index = tabs.findIndex((t) => t.id === current);
    const target =
      event.key === 'ArrowRight'
        ? (index + 1) % tabs.length
        : event.key === 'ArrowLeft'
          ? (index - 1 + tabs.length) % tabs.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? tabs.length - 1
              : -1;
    if (target < 0) return;
    event.preventDefault();
    const next = tabs[target]!;
    onSelect(next.id);
    list.current?.querySelector<HTMLElement>(`#${CSS.escape(`${base}-tab-${next.id}`)}`)?.focus();
  };
  return (
    <div className="tabs">
      <div className="tab-list" role="tablist" aria-label={label} ref={list} onKeyDown={move}>
        {tabs.map((tab) => (
          <button
            key={tab.id}
            id={`${base}-tab-${tab.id}`}
            type="button"
            role="tab"
            aria-selected={tab.id === current}
            aria-controls={`${base}-panel`}
            tabIndex={tab.id === current ? 0 : -1}
            className={tab.id === current ? 'tab active' : 'tab'}
            onClick={() => onSelect(tab.id)}
            data-testid={tab.testId}
          >
            {tab.title}
            {tab.badge}
          </button>
        ))}
      </div>
      <div
        className="tab-panel"
        role="tabpanel"
        id={`${base}-panel`}
        aria-labelledby={current ? `${base}-tab-${current}` : undefined}
      >
        {children}
      </div>
    </div>
  );
}
