import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { usePath } from '../lib/router';
import { useRecordTypes } from '../records/entity-types';
import { isStaff, useSession } from '../state/session';
import { SupervisorLink } from '../supervisor/SupervisorLink';
import { OperatorLink } from './OperatorLink';
import { TasksLink } from './tasks/TasksLink';
import { WorkNav } from './WorkNav';

/** The staff header under the portal's: the operator's queues and the list of every data type. */
export function WorkBar() {
  const session = useSession();
  if (session.status !== 'signed-in' || !isStaff(session.user)) return null;
  return <StaffBar />;
}

function StaffBar() {
  const { t } = useTranslation();
  const path = usePath();
  const bar = useRef<HTMLElement>(null);
  const types = useRecordTypes();
  const section = path.split(/[/?]/).slice(1, 3).join('/');
  // On a phone the bar scrolls sideways: bring the current section into view (sideways only, never the page).
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the section changes and once the links are in
  useEffect(() => {
    const active = bar.current?.querySelector<HTMLElement>('a.active');
    if (!bar.current || !active) return;
    const { scrollLeft, clientWidth } = bar.current;
    if (active.offsetLeft < scrollLeft || active.offsetLeft + active.offsetWidth > scrollLeft + clientWidth)
      bar.current.scrollLeft = active.offsetLeft - 16;
  }, [section, types.status]);
  return (
    <nav className="work-bar" aria-label={t('work.nav')} data-testid="work-bar" ref={bar}>
      <OperatorLink path={path} />
      <TasksLink path={path} />
      <SupervisorLink path={path} />
      <span className="work-bar-divider" aria-hidden="true" />
      <WorkNav />
    </nav>
  );
}
